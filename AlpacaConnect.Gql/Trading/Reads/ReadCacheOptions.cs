using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// How long account and positions reads are reused per connection (configuration section <c>Trading:Cache</c>).
/// Short on purpose: the app sees a fill within seconds, and Alpaca's 200 calls a minute are spared when a screen
/// refreshes often or many requests arrive at once. Zero turns reuse off; concurrent identical reads still share
/// one upstream call.
/// </summary>
public sealed class ReadCacheOptions
{
    public const string Section = "Trading:Cache";

    public const int DefaultMaxEntries = 100_000;

    /// <summary>
    /// Reads kept at most, over all connections and kinds (a few per connection); past it the oldest are evicted.
    /// Bounds the cache's memory however many users read.
    /// </summary>
    [Range(16, 10_000_000)]
    public int MaxEntries { get; set; } = DefaultMaxEntries;

    /// <summary>How long a read of <c>GET /v2/account</c> is reused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AccountTtl { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a read of <c>GET /v2/positions</c> is reused (also answers <c>position(symbol)</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PositionsTtl { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a read of <c>GET /v2/clock</c> is reused. Zero by default: its timestamp is "now", so it is only
    /// shared by reads that overlap.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ClockTtl { get; set; } = TimeSpan.Zero;
}
