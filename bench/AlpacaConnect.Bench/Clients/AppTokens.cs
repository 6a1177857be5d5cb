using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlpacaConnect.Bench.Clients;

/// <summary>
/// App-user JWTs (HS256) signed with the run's <c>Jwt:SigningKey</c>, as the app's identity provider would issue them.
/// The server runs as in Production, where <c>/dev/token</c> does not exist.
/// </summary>
public sealed class AppTokens(string signingKey, string issuer = "alpaca-connect-dev", string audience = "alpaca-connect")
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);

    public string For(string userId)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userId,
            ["name"] = userId,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 8 * 3600,
        }));
        var signature = Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
