using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Push;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>
/// The server on two loopback ports with its embedded sandbox as every push provider: one port HTTP/1.1 (FCM, Google's
/// token endpoint, Expo) and one HTTP/2-only port, where the APNs sender speaks h2c with prior knowledge to the same
/// embedded fake (facts 1.1). Keys are generated per host and never leave the process. The clock is a
/// <see cref="FakeTimeProvider"/> the tests move.
/// </summary>
public class PushHost : ApiFactory
{
    public const string KeyId = "KEY1234567";
    public const string TeamId = "TEAM123456";
    public const string Topic = "com.example.alpacaconnect";

    /// <summary>Registers a device (variables: <c>input</c>); the tests that drive a fill through the outbox all start with it.</summary>
    public const string RegisterDevice = "mutation($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id } errors { __typename } } }";

    private readonly int _http1Port = FreeLoopbackPort();
    private readonly int _http2Port = FreeLoopbackPort();
    private bool _started;

    public PushHost()
        : this(realClock: false)
    {
    }

    /// <summary><paramref name="realClock"/>: the system clock, for tests where the dispatcher and the sandbox's fills run on their own.</summary>
    private protected PushHost(bool realClock)
    {
        using var apnsKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var fcmKey = RSA.Create(2048);
        ApnsPrivateKey = apnsKey.ExportPkcs8PrivateKeyPem();
        FcmPrivateKey = fcmKey.ExportPkcs8PrivateKeyPem();
        var apns = $"http://127.0.0.1:{_http2Port}/sandbox/push/apns";
        var http1 = $"http://127.0.0.1:{_http1Port}/sandbox/push";
        WithSetting("Notifications:Apns:KeyId", KeyId)
            .WithSetting("Notifications:Apns:TeamId", TeamId)
            .WithSetting("Notifications:Apns:Topic", Topic)
            .WithSetting("Notifications:Apns:PrivateKey", ApnsPrivateKey)
            .WithSetting("Notifications:Apns:SandboxBaseAddress", apns + "/sandbox")
            .WithSetting("Notifications:Apns:ProductionBaseAddress", apns + "/production")
            .WithSetting("Notifications:Fcm:ProjectId", "alpaca-test")
            .WithSetting("Notifications:Fcm:ServiceAccountJson", ServiceAccountJson(FcmPrivateKey, http1 + "/google/token"))
            .WithSetting("Notifications:Fcm:BaseAddress", http1 + "/fcm")
            .WithSetting("Notifications:Expo:Enabled", "true")
            .WithSetting("Notifications:Expo:BaseAddress", http1 + "/expo")
            .WithSetting("Notifications:Expo:AccessToken", ExpoAccessToken)
            .WithSetting("Notifications:Expo:ReceiptPollInterval", "01:00:00")
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithSetting("Alpaca:SandboxBaseUrl", $"http://127.0.0.1:{_http1Port}") // the own origin is the HTTP/1.1 port
            .WithServices(services =>
            {
                services.AddPushProviders().AddSingleton<ILoggerProvider>(Logs);
                if (!realClock)
                {
                    services.AddSingleton<TimeProvider>(Time);
                }
            });
    }

    /// <summary>Starts at the real time: the app-user JWTs of the end-to-end test are checked against it.</summary>
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public LogCapture Logs { get; } = new();

    public string ApnsPrivateKey { get; }

    public string FcmPrivateKey { get; }

    public string ExpoAccessToken { get; } = "expo-access-" + Guid.NewGuid().ToString("N");

    public Uri BaseUri => Start();

    public PushFakeStore Fakes => Started.GetRequiredService<PushFakeStore>();

    internal INotificationSender Sender(NotificationChannel channel) =>
        Started.GetServices<INotificationSender>().Single(s => s.Channel == channel);

    public T Service<T>()
        where T : notnull => Started.GetRequiredService<T>();

    private IServiceProvider Started
    {
        get
        {
            Start();
            return Services;
        }
    }

    /// <summary>Injects a fault through the sandbox's control API.</summary>
    public async Task FaultAsync(PushFaultRule rule)
    {
        using var client = new HttpClient { BaseAddress = BaseUri };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };
        using var response = await client.PostAsJsonAsync("/sandbox/control/push/faults", rule, json);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>One push row as the dispatcher hands it over.</summary>
    internal OutgoingNotification Notification(string token, string? environment = null, string? collapseKey = null, string? dedupId = null, string title = "Order filled")
    {
        var now = Time.GetUtcNow();
        var content = new PushContent(title, "Open the app to see the details.", new Dictionary<string, string> { ["type"] = "order.filled", ["orderId"] = "7b0b6a52-1f7e-4a55-9b0e-3c1f3d8e2a10" });
        return new OutgoingNotification(1, dedupId ?? Guid.NewGuid().ToString(), collapseKey, "order.filled", PushPayloads.Write(content), 1, now,
            new PushTarget(Guid.NewGuid(), token, environment, now));
    }

    public static string ApnsToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string FcmToken() => "fcm-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(40));

    public static string ExpoToken() => $"ExponentPushToken[{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(11))}]";

    private Uri Start()
    {
        if (!_started)
        {
            _started = true;
            UseKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, _http1Port);
                options.Listen(IPAddress.Loopback, _http2Port, listen => listen.Protocols = HttpProtocols.Http2);
            });
            StartServer();
        }

        return new Uri($"http://127.0.0.1:{_http1Port}");
    }

    private static string ServiceAccountJson(string privateKey, string tokenUri) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["project_id"] = "alpaca-test",
        ["private_key_id"] = "test-key-1",
        ["private_key"] = privateKey,
        ["client_email"] = "push@alpaca-test.iam.gserviceaccount.com",
        ["client_id"] = "100000000000000000001",
        ["token_uri"] = tokenUri,
    });
}
