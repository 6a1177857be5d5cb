using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// The APNs provider token (ES256 JWT, facts 1.3), one for the whole process: minted on first use, reused for
/// <see cref="ApnsOptions.TokenLifetime"/>, then replaced. A new JWT per request earns 429 TooManyProviderTokenUpdates;
/// one never replaced earns 403 ExpiredProviderToken after an hour.
/// </summary>
internal sealed class ApnsProviderToken(IOptions<ApnsOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Apple's floor between two new tokens; a forced refresh (403 ExpiredProviderToken) still waits for it.</summary>
    private static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(20);

    private readonly Lock _gate = new();
    private ECDsa? _key;
    private (string Jwt, DateTimeOffset IssuedAt)? _current;

    /// <summary>The token to send now.</summary>
    public string Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current is not { } current || now - current.IssuedAt >= options.Value.TokenLifetime)
            {
                _current = (Mint(now), now);
            }

            return _current.Value.Jwt;
        }
    }

    /// <summary>
    /// APNs said <paramref name="refused"/> has expired: mint a new one unless another request already did. Returns
    /// null when the refused token is younger than Apple's 20-minute floor, where a new one would only earn a 429 (the
    /// clock is wrong, not the token).
    /// </summary>
    public string? Replace(string refused)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current is { } current && current.Jwt != refused)
            {
                return current.Jwt;
            }

            if (_current is { } same && now - same.IssuedAt < MinimumAge)
            {
                return null;
            }

            _current = (Mint(now), now);
            return _current.Value.Jwt;
        }
    }

    private string Mint(DateTimeOffset now)
    {
        var settings = options.Value;
        _key ??= LoadKey(settings.PrivateKey!);
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = settings.KeyId! }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["iss"] = settings.TeamId!, ["iat"] = now.ToUnixTimeSeconds() }));
        var signingInput = $"{header}.{claims}";
        // SignData's default format is IEEE P1363 (r||s, 64 bytes), which JWS ES256 wants; DER would be refused.
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    /// <summary>Loads the PEM; the exception never carries the key text.</summary>
    public static ECDsa LoadKey(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{ApnsOptions.Section}:{nameof(ApnsOptions.PrivateKey)} is not a PEM EC private key (the .p8 file's text).");
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"{ApnsOptions.Section}:{nameof(ApnsOptions.PrivateKey)} must be a P-256 key (ES256).");
        }

        return key;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _key?.Dispose();
}
