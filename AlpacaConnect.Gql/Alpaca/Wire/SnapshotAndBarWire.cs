using System.Text.Json.Serialization;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>
/// One symbol's snapshot (facts-more 4.4): camelCase keys, unlike the rest of Alpaca's JSON; any part may be null.
/// Stocks answer the symbol map at the top level, crypto inside <c>"snapshots"</c> (<see cref="CryptoSnapshotsWire"/>).
/// </summary>
internal sealed class SnapshotWire
{
    [JsonPropertyName("latestTrade")] public TradeWire? LatestTrade { get; set; }
    [JsonPropertyName("latestQuote")] public QuoteWire? LatestQuote { get; set; }
    [JsonPropertyName("minuteBar")] public BarWire? MinuteBar { get; set; }
    [JsonPropertyName("dailyBar")] public BarWire? DailyBar { get; set; }
    [JsonPropertyName("prevDailyBar")] public BarWire? PrevDailyBar { get; set; }
}

internal sealed class CryptoSnapshotsWire
{
    public Dictionary<string, SnapshotWire?>? Snapshots { get; set; }
}

/// <summary>A bar (facts-more 4.3): numbers; <c>v</c> is fractional for crypto, <c>n</c> and <c>vw</c> are absent on some feeds.</summary>
internal sealed class BarWire
{
    [JsonPropertyName("t")] public DateTimeOffset Timestamp { get; set; }
    [JsonPropertyName("o")] public decimal Open { get; set; }
    [JsonPropertyName("h")] public decimal High { get; set; }
    [JsonPropertyName("l")] public decimal Low { get; set; }
    [JsonPropertyName("c")] public decimal Close { get; set; }
    [JsonPropertyName("v")] public decimal Volume { get; set; }
    [JsonPropertyName("n")] public long? TradeCount { get; set; }
    [JsonPropertyName("vw")] public decimal? Vwap { get; set; }
}

/// <summary><c>GET /v2/stocks/{symbol}/bars</c> (facts-more 4.5): <c>bars</c> may be null or absent when there are none.</summary>
internal sealed class BarsPageWire
{
    public List<BarWire>? Bars { get; set; }
    public string? Symbol { get; set; }
    public string? NextPageToken { get; set; }
}
