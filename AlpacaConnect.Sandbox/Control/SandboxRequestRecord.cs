namespace AlpacaConnect.Sandbox.Control;

/// <summary>
/// One request the sandbox received. Never holds a secret: no query string, no body, no token, only the
/// token's fingerprint (see <c>OAuth.TokenFingerprint</c>).
/// </summary>
public sealed record SandboxRequestRecord(
    long Sequence,
    DateTimeOffset At,
    string Method,
    string Path,
    string Route,
    string? Environment,
    int Status,
    string? TokenFingerprint,
    string? Fault,
    bool Aborted);
