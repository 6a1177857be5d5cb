namespace AlpacaConnect.Sandbox.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="FaultRule.Latency"/> before handling the request normally.</summary>
    Latency,

    /// <summary>Answers <see cref="FaultRule.Status"/> (500, 502, 503 or 504) without handling the request.</summary>
    ServerError,

    /// <summary>Answers 429 <c>{"message":"rate limit exceeded"}</c> with exhausted rate-limit headers.</summary>
    RateLimited,

    /// <summary>Aborts the connection without handling the request or answering.</summary>
    DropConnection,

    /// <summary>Handles the request (an order is created) but the caller never gets the answer: the
    /// connection is aborted, or with <see cref="FaultRule.Status"/> set, that status (e.g. 504) is sent instead.</summary>
    LoseResponse,
}
