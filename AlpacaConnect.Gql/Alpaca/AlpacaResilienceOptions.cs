using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// Timeouts, retries and circuit breaker of calls to Alpaca (configuration section <c>Alpaca:Resilience</c>).
/// Only GET and HEAD are ever retried: placing, replacing or cancelling an order is sent once.
/// </summary>
internal sealed class AlpacaResilienceOptions
{
    public const string Section = "Alpaca:Resilience";

    /// <summary>Limit on one call including all its retries and waits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit on one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a safe request after a 5xx, 408, 429 or transport error (0 disables retries).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base of the exponential, jittered back-off between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Longest wait for Alpaca's <c>X-Ratelimit-Reset</c> after a 429. If the reset is further away the 429 is not
    /// retried and the caller gets a rate-limited error carrying the retry-after.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed calls (5xx, 408, timeouts, transport errors) in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 20;

    /// <summary>Window over which the failure ratio is measured.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before letting a trial call through.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
