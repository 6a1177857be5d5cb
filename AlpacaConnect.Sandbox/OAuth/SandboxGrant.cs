using AlpacaConnect.Sandbox.Accounts;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>What an access token authorizes: one paper account, one live account, or one of each.</summary>
public sealed class SandboxGrant(string fingerprint, SandboxUser user, SandboxAccount? paper, SandboxAccount? live, string scope, DateTimeOffset? expiresAt)
{
    private volatile bool _revoked;

    /// <summary>A short hash of the token, safe to log; never the token itself.</summary>
    public string Fingerprint { get; } = fingerprint;

    public SandboxUser User { get; } = user;

    public string Scope { get; } = scope;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public bool IsRevoked => _revoked;

    public void Revoke() => _revoked = true;

    public SandboxAccount? Account(SandboxEnvironment environment) =>
        environment == SandboxEnvironment.Paper ? paper : live;

    public bool HasScope(string scope) => OAuthScopes.Parse(Scope).Contains(scope, StringComparer.Ordinal);

    public bool IsValidAt(DateTimeOffset now) => !IsRevoked && (ExpiresAt is null || now < ExpiresAt);
}
