using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Connections;

/// <summary>The connect flow (configuration section <c>Connections</c>).</summary>
internal sealed class ConnectionsOptions
{
    public const string Section = "Connections";

    /// <summary>
    /// Where the callback may send the user's browser back to: absolute URIs (app deep links such as
    /// <c>richesreach://alpaca/connected</c> or web pages), compared by scheme, host, port and path
    /// (query ignored). Anything else is refused, so the callback is never an open redirect.
    /// The default list is in <c>appsettings.json</c>, so configuring a list replaces it.
    /// </summary>
    [MinLength(1)]
    public List<string> AllowedReturnTo { get; set; } = [];

    /// <summary>Life of an OAuth state (a started flow).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Started flows (OAuth states not yet used or expired) one user may hold; one more <c>connectAlpaca</c> answers
    /// <c>TOO_MANY_PENDING_CONNECTS</c> until one completes or expires. Each holds a database row until it expires.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxPendingFlowsPerUser { get; set; } = 10;

    /// <summary>Life of an approved but unclaimed connection (and of its completion code).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where users without an Alpaca account can open one (OAuth cannot create accounts).</summary>
    [Required]
    public Uri SignUpUrl { get; set; } = new("https://app.alpaca.markets/signup");
}
