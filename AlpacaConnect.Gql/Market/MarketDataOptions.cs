using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// The order ticket's market data and ticker search (configuration section <c>Market</c>). Market data is the same for
/// every caller of a feed, so it is cached per feed, not per user: a popular symbol set costs one upstream call per
/// time to live however many users ask (decision 0034).
/// </summary>
internal sealed class MarketDataOptions
{
    public const string Section = "Market";

    /// <summary>
    /// The stock feed sent on every snapshot and bar call: <c>iex</c> (what a free plan may read in real time), <c>sip</c>
    /// or <c>delayed_sip</c>. Always sent, because Alpaca's default has been seen to be <c>sip</c>, which a free plan is
    /// refused for recent data (facts-more 4.2).
    /// </summary>
    [RegularExpression("^(iex|sip|delayed_sip|otc|boats|overnight)$")]
    public string Feed { get; set; } = "iex";

    /// <summary>How long a snapshot of a symbol set is reused for every caller.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SnapshotTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long intraday bars (under a day) are reused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan IntradayBarsTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long daily and weekly bars are reused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DailyBarsTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the active asset list behind <c>assets(search:)</c> is read again per environment.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan AssetListRefresh { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After a failed refresh of the asset list, how long the previous list serves before a search tries again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AssetListRetryAfterFailure { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Upstream pages of bars followed for one <c>bars</c> field at most.</summary>
    [Range(1, 20)]
    public int MaxBarPages { get; set; } = 5;
}
