using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Observability;

/// <summary>Readiness checks (configuration section <c>Observability:Health</c>).</summary>
internal sealed class HealthOptions
{
    public const string Section = "Observability:Health";

    /// <summary>
    /// How long an answer about Alpaca's reachability (Alpaca mode only) is reused, so that frequent readiness
    /// probes from every instance do not turn into traffic to Alpaca.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UpstreamCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the reachability probe waits for Alpaca before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
