namespace AlpacaConnect.Sandbox.Control;

/// <summary>
/// One request the sandbox received. Never holds a secret: no query string, no body, no token, only the
/// token's fingerprint (see <c>OAuth.TokenFingerprint</c>). <see cref="At"/> is when it ended (for a stream's
/// WebSocket, when the socket closed); <see cref="ArrivedAt"/> is when it arrived, which is when Alpaca counts a call
/// against an account's budget.
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
    bool Aborted,
    DateTimeOffset ArrivedAt);
