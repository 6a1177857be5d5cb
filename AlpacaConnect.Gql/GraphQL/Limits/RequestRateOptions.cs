using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>
/// Request rate limits at the GraphQL edge (configuration section <c>GraphQL:RateLimits</c>): every HTTP request to
/// <c>/graphql</c> and every <c>subscribe</c> on a socket takes one permit from the caller's user bucket (when signed
/// in) and from its IP address's bucket. An empty bucket answers <c>RATE_LIMITED</c> (HTTP 429 with <c>Retry-After</c>).
/// Separate from the per-account upstream budget in <c>Alpaca/</c>, which protects Alpaca's 200 calls a minute; these
/// protect this server. The defaults are sized for a mobile app's traffic (a screen is a few requests, a busy user a few
/// a second) with room to spare; a server taking other traffic (a bench, a batch client) raises them.
/// </summary>
internal sealed class RequestRateOptions
{
    public const string Section = "GraphQL:RateLimits";

    /// <summary>How often every bucket is refilled; the per-period figures below are added each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Requests one signed-in user may send at once (the size of its bucket).</summary>
    [Range(1, 1_000_000)]
    public int PerUserBurst { get; set; } = 200;

    /// <summary>Requests one signed-in user gains back each <see cref="Period"/> (default: 50 a second sustained).</summary>
    [Range(1, 1_000_000)]
    public int PerUserPerPeriod { get; set; } = 5;

    /// <summary>Requests one IP address may send at once, signed in or not (many users can share one address behind NAT).</summary>
    [Range(1, 1_000_000)]
    public int PerIpBurst { get; set; } = 300;

    /// <summary>Requests one IP address gains back each <see cref="Period"/> (default: 100 a second sustained).</summary>
    [Range(1, 1_000_000)]
    public int PerIpPerPeriod { get; set; } = 10;
}
