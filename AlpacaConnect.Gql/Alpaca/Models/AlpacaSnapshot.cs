namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>A symbol's latest trade and quote with its minute, daily and previous daily bars (facts-more 4.4); each may be null.</summary>
internal sealed record AlpacaSnapshot
{
    public required string Symbol { get; init; }
    public AlpacaTrade? LatestTrade { get; init; }
    public AlpacaQuote? LatestQuote { get; init; }
    public AlpacaBar? MinuteBar { get; init; }
    public AlpacaBar? DailyBar { get; init; }
    public AlpacaBar? PreviousDailyBar { get; init; }
}

/// <summary>One OHLC bar, labelled with its left edge (facts-more 4.5).</summary>
internal sealed record AlpacaBar(
    DateTimeOffset Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long? TradeCount, decimal? Vwap);

/// <summary>One page of bars and the token of the next (null on the last page).</summary>
internal sealed record AlpacaBarsPage(IReadOnlyList<AlpacaBar> Bars, string? NextPageToken);
