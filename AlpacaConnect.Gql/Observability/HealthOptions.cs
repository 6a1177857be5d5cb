using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Observability;

/// <summary>Readiness checks (configuration section <c>Observability:Health</c>).</summary>
internal sealed class HealthOptions
{
    public const string Section = "Observability:Health";

    /// <summary>
    /// How long an answer that Alpaca is reachable (Alpaca mode only) is reused, so that frequent readiness probes from
    /// every instance do not turn into traffic to Alpaca.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UpstreamCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an answer that Alpaca is not reachable is reused: shorter, so that a server whose probe met a passing
    /// error (a restart during a blip) is ready again seconds after Alpaca answers, not half a minute later. While
    /// Alpaca is down this costs one unauthenticated probe per period per instance.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan UpstreamFailureCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the reachability probe waits for Alpaca before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
