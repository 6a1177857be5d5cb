namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>How the app's attempts for one idempotency key ended.</summary>
public enum KeyResult
{
    /// <summary>The server answered with an order Alpaca holds (any status but UNKNOWN, PENDING_SUBMIT or REJECTED).</summary>
    Accepted,

    /// <summary>A definitive refusal: a typed error that retrying cannot change, or a REJECTED order.</summary>
    Refused,

    /// <summary>Still unknown when the app gave up retrying.</summary>
    Unresolved,
}

public sealed record KeyOutcome(string User, string Key, KeyResult Result, string? OrderId, string? ClientOrderId, string? Status, int Attempts, string? LastProblem);
