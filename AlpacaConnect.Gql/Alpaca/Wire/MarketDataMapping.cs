using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>Snapshots and bars from the data host into models.</summary>
internal static class MarketDataMapping
{
    /// <summary>One snapshot per symbol Alpaca answered; a symbol it left out (unknown, or no data) is absent.</summary>
    public static IReadOnlyDictionary<string, AlpacaSnapshot> ToModels(this Dictionary<string, SnapshotWire?>? snapshots) =>
        (snapshots ?? []).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToModel(p.Key), StringComparer.Ordinal);

    public static AlpacaBarsPage ToModel(this BarsPageWire w) =>
        new((w.Bars ?? []).Select(b => b.ToModel()).ToList(), string.IsNullOrEmpty(w.NextPageToken) ? null : w.NextPageToken);

    private static AlpacaSnapshot ToModel(this SnapshotWire w, string symbol) => new()
    {
        Symbol = symbol,
        LatestTrade = w.LatestTrade?.ToModel(symbol),
        LatestQuote = w.LatestQuote?.ToModel(symbol),
        MinuteBar = w.MinuteBar?.ToModel(),
        DailyBar = w.DailyBar?.ToModel(),
        PreviousDailyBar = w.PrevDailyBar?.ToModel(),
    };

    private static AlpacaBar ToModel(this BarWire b) => new(b.Timestamp, b.Open, b.High, b.Low, b.Close, b.Volume, b.TradeCount, b.Vwap);
}
