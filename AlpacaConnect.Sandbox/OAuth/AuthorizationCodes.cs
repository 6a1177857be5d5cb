using System.Collections.Concurrent;
using AlpacaConnect.Sandbox.Accounts;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>Issued authorization codes: single use, short life (UNVERIFIED at Alpaca; configurable).</summary>
public sealed class AuthorizationCodes(TimeProvider time, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);

    public string Issue(string clientId, string redirectUri, SandboxUser user, SandboxEnvironment? environment, string scope)
    {
        var code = Guid.NewGuid().ToString();
        var expiresAt = time.GetUtcNow() + options.Value.OAuth.CodeLifetime;
        _codes[code] = new PendingCode(clientId, redirectUri, user, environment, scope, expiresAt);
        return code;
    }

    /// <summary>Takes the code out atomically, so two concurrent exchanges cannot both succeed.</summary>
    public PendingCode? Redeem(string? code) =>
        code is not null && _codes.TryRemove(code, out var pending) && time.GetUtcNow() < pending.ExpiresAt ? pending : null;

    public void Reset() => _codes.Clear();
}

/// <summary>An approved authorization waiting for its token exchange.</summary>
public sealed record PendingCode(
    string ClientId, string RedirectUri, SandboxUser User, SandboxEnvironment? Environment, string Scope, DateTimeOffset ExpiresAt);
