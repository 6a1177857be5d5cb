using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>
/// The sandbox's one registered OAuth app. The rest of the server (in Sandbox mode) reads the client id and
/// secret here and registers its own exact callback URI, which depends on the port it listens on.
/// </summary>
public sealed class SandboxOAuthClientRegistry
{
    /// <summary>Used when <c>Sandbox:OAuth:RedirectUris</c> is empty: the server's callback under <c>dotnet run</c>.</summary>
    public const string DefaultRedirectUri = "http://localhost:5080/auth/alpaca/callback";

    private readonly ConcurrentDictionary<string, bool> _redirectUris = new(StringComparer.Ordinal);

    public SandboxOAuthClientRegistry(IOptions<SandboxOptions> options)
    {
        var oauth = options.Value.OAuth;
        AppName = oauth.AppName;
        ClientId = oauth.ClientId;
        // A secret is never committed: without configuration each process gets its own (40 hex, like Alpaca's).
        ClientSecret = string.IsNullOrEmpty(oauth.ClientSecret)
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20))
            : oauth.ClientSecret;
        foreach (var uri in oauth.RedirectUris.Count > 0 ? oauth.RedirectUris : [DefaultRedirectUri])
        {
            RegisterRedirectUri(uri);
        }
    }

    public string AppName { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public IReadOnlyCollection<string> RedirectUris => _redirectUris.Keys.ToList();

    /// <summary>Whitelists <paramref name="redirectUri"/> exactly as given (Alpaca compares exactly).</summary>
    public void RegisterRedirectUri(string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            throw new ArgumentException("A redirect URI must be absolute.", nameof(redirectUri));
        }

        _redirectUris[redirectUri] = true;
    }

    public bool IsRegistered(string? redirectUri) => redirectUri is not null && _redirectUris.ContainsKey(redirectUri);

    public bool Authenticates(string? clientId, string? clientSecret) =>
        clientId == ClientId && clientSecret is not null &&
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(clientSecret), System.Text.Encoding.UTF8.GetBytes(ClientSecret));
}
