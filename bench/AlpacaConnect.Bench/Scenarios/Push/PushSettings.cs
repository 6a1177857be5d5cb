using System.Security.Cryptography;
using System.Text.Json;

namespace AlpacaConnect.Bench.Scenarios.Push;

/// <summary>
/// The server's FCM and Expo channels pointed at the sandbox's fakes. The FCM service account is made up per run: a
/// fresh RSA key whose token endpoint is the sandbox's, so nothing reaches Google. APNs is left out: its fake needs an
/// HTTP/2-only port the bench's sandbox process does not open; FCM and Expo cover the dispatcher the same way.
/// </summary>
public static class PushSettings
{
    public static Dictionary<string, string> Against(Uri sandbox)
    {
        using var key = RSA.Create(2048);
        var account = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "bench",
            ["private_key_id"] = "bench-key",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "push@bench.iam.gserviceaccount.com",
            ["client_id"] = "100000000000000000001",
            ["token_uri"] = new Uri(sandbox, "/sandbox/push/google/token").ToString(),
        });
        return new()
        {
            ["Notifications:Fcm:ProjectId"] = "bench",
            ["Notifications:Fcm:ServiceAccountJson"] = account,
            ["Notifications:Fcm:BaseAddress"] = new Uri(sandbox, "/sandbox/push/fcm").ToString(),
            ["Notifications:Expo:Enabled"] = "true",
            ["Notifications:Expo:BaseAddress"] = new Uri(sandbox, "/sandbox/push/expo").ToString(),
        };
    }
}
