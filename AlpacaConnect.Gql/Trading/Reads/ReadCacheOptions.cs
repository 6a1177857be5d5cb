using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// How long account and positions reads are reused per connection (configuration section <c>Trading:Cache</c>).
/// Short on purpose: the app sees a fill within seconds, and Alpaca's 200 calls a minute are spared when a screen
/// refreshes often or many requests arrive at once. Zero turns reuse off; concurrent identical reads still share
/// one upstream call.
/// </summary>
internal sealed class ReadCacheOptions
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

    /// <summary>
    /// How long the order checks reuse a symbol's latest quote (the price a market order is valued at against the
    /// guardrails). Alpaca values and fills the order itself; a second-old quote only bounds our estimate.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan QuoteTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the order checks reuse the account's status flags (blocked, suspended). Alpaca refuses an order of a
    /// blocked account itself; the flags only make our refusal come first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AccountStatusTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the order checks reuse the market clock. Its next open and close tell whether the market is open at any
    /// moment before them, so a reuse is exact until the first of them; past it the clock is read again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MarketHoursTtl { get; set; } = TimeSpan.FromMinutes(1);
}
