using System.Collections.Concurrent;
using System.Security.Cryptography;
using AlpacaConnect.Sandbox.Accounts;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>Issued access and refresh tokens. Token values are random (UUIDs, like Alpaca's), never seeded.</summary>
public sealed class AccessTokens(TimeProvider time, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, SandboxGrant> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxGrant> _byRefreshToken = new(StringComparer.Ordinal);

    /// <summary>Raised when a grant is revoked, so its open streams close.</summary>
    public event Action<SandboxGrant>? Revoked;

    public IssuedToken Issue(SandboxUser user, SandboxEnvironment? environment, string scope)
    {
        var token = Guid.NewGuid().ToString();
        var lifetime = options.Value.Tokens.ExpiresIn;
        var grant = new SandboxGrant(
            TokenFingerprint.Of(token),
            user,
            environment is null or SandboxEnvironment.Paper ? user.Paper : null,
            environment is null or SandboxEnvironment.Live ? user.Live : null,
            scope,
            lifetime is null ? null : time.GetUtcNow() + lifetime.Value);
        _byToken[token] = grant;
        string? refreshToken = null;
        if (lifetime is not null)
        {
            refreshToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            _byRefreshToken[refreshToken] = grant;
        }

        return new IssuedToken(token, scope, lifetime, refreshToken, grant);
    }

    /// <summary>A rotated pair for a refresh token, which is spent; null if unknown, spent or revoked.</summary>
    public IssuedToken? Refresh(string? refreshToken)
    {
        if (refreshToken is null || !_byRefreshToken.TryRemove(refreshToken, out var old) || old.IsRevoked)
        {
            return null;
        }

        var environment = old.Account(SandboxEnvironment.Paper) is null ? SandboxEnvironment.Live
            : old.Account(SandboxEnvironment.Live) is null ? SandboxEnvironment.Paper
            : (SandboxEnvironment?)null;
        return Issue(old.User, environment, old.Scope);
    }

    /// <summary>The grant behind a token if it is still valid (known, not revoked, not expired).</summary>
    public SandboxGrant? Validate(string? token) =>
        token is not null && _byToken.TryGetValue(token, out var grant) && grant.IsValidAt(time.GetUtcNow()) ? grant : null;

    public bool Revoke(string token)
    {
        if (!_byToken.TryGetValue(token, out var grant))
        {
            return false;
        }

        Revoke(grant);
        return true;
    }

    /// <summary>Revokes every token whose fingerprint matches (tests may know only the fingerprint).</summary>
    public int RevokeByFingerprint(string fingerprint)
    {
        var grants = _byToken.Values.Where(g => g.Fingerprint == fingerprint && !g.IsRevoked).ToList();
        grants.ForEach(Revoke);
        return grants.Count;
    }

    public void Reset()
    {
        foreach (var grant in _byToken.Values)
        {
            Revoke(grant);
        }

        _byToken.Clear();
        _byRefreshToken.Clear();
    }

    private void Revoke(SandboxGrant grant)
    {
        grant.Revoke();
        Revoked?.Invoke(grant);
    }
}

/// <summary>The answer of a token grant.</summary>
public sealed record IssuedToken(string AccessToken, string Scope, TimeSpan? ExpiresIn, string? RefreshToken, SandboxGrant Grant);
