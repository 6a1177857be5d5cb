namespace AlpacaConnect.Sandbox.Faults;

/// <summary>
/// A fault to inject. <see cref="Route"/> is <c>"METHOD /template"</c> as the request log shows it, without the
/// environment prefix (e.g. <c>"POST /v2/orders"</c>, <c>"GET /v2/orders/{orderId}"</c>, <c>"POST /oauth/token"</c>,
/// <c>"GET /stream"</c>), or <c>"*"</c> for every route.
/// </summary>
public sealed record FaultRule
{
    public required string Route { get; init; }

    public required FaultKind Kind { get; init; }

    /// <summary>Only in this environment; null for both (and for the shared token and data hosts).</summary>
    public SandboxEnvironment? Environment { get; init; }

    /// <summary>How many requests it hits before it is used up; null for no limit.</summary>
    public int? Count { get; init; } = 1;

    /// <summary>Chance that a matching request is hit, decided by the seeded random source.</summary>
    public double Probability { get; init; } = 1.0;

    /// <summary>For <see cref="FaultKind.Latency"/>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>For <see cref="FaultKind.ServerError"/> (default 503) and <see cref="FaultKind.LoseResponse"/> (default: abort).</summary>
    public int? Status { get; init; }
}
