using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Scalars;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Market;

/// <summary>One requested symbol's snapshot; every part null when Alpaca had none for it (unknown symbol, or no data on this feed).</summary>
internal sealed record SymbolQuote(string Symbol, AlpacaSnapshot? Snapshot);

internal sealed class QuoteType : ObjectGraphType<SymbolQuote>
{
    public QuoteType()
    {
        Name = "Quote";
        Description = "A symbol's market snapshot (Alpaca's snapshot: latest trade and quote, minute, daily and previous daily bars). "
            + "Shared by every caller for a moment (about a second): it is the same for everyone on the feed.";
        Field<NonNullGraphType<StringGraphType>>("symbol").Description("As requested, upper-cased.").Resolve(c => c.Source.Symbol);
        Field<NonNullGraphType<BooleanGraphType>>("found").Description("False when Alpaca answered nothing for the symbol: unknown, or no data on this feed.")
            .Resolve(c => c.Source.Snapshot is not null);
        Field<LatestTradeType>("latestTrade").Resolve(c => c.Source.Snapshot?.LatestTrade);
        Field<LatestQuoteType>("latestQuote").Resolve(c => c.Source.Snapshot?.LatestQuote);
        Field<BarType>("minuteBar").Description("The latest minute bar.").Resolve(c => c.Source.Snapshot?.MinuteBar);
        Field<BarType>("dailyBar").Description("Today's bar so far (the latest trading day's outside sessions).").Resolve(c => c.Source.Snapshot?.DailyBar);
        Field<BarType>("previousDailyBar").Description("The trading day before dailyBar's.").Resolve(c => c.Source.Snapshot?.PreviousDailyBar);
        Field<DecimalStringGraphType>("previousClose").Description("previousDailyBar.close, for the change since the previous close.")
            .Resolve(c => c.Source.Snapshot?.PreviousDailyBar?.Close);
    }
}

internal sealed class LatestTradeType : ObjectGraphType<AlpacaTrade>
{
    public LatestTradeType()
    {
        Name = "LatestTrade";
        Field<NonNullGraphType<DecimalStringGraphType>>("price").Resolve(c => c.Source.Price);
        Field<NonNullGraphType<DecimalStringGraphType>>("size").Description("Shares, or coins (fractional) for crypto.").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("timestamp").Resolve(c => c.Source.Timestamp);
        Field<StringGraphType>("exchange").Description("Alpaca's exchange code; null for crypto.").Resolve(c => c.Source.Exchange);
    }
}

internal sealed class LatestQuoteType : ObjectGraphType<AlpacaQuote>
{
    public LatestQuoteType()
    {
        Name = "LatestQuote";
        Description = "The best bid and ask. A zero price means no active bid or ask on that side (e.g. outside hours on IEX).";
        Field<NonNullGraphType<DecimalStringGraphType>>("bidPrice").Resolve(c => c.Source.BidPrice);
        Field<NonNullGraphType<DecimalStringGraphType>>("bidSize").Description("Shares (round lots before 2025-11-03); coins for crypto.").Resolve(c => c.Source.BidSize);
        Field<NonNullGraphType<DecimalStringGraphType>>("askPrice").Resolve(c => c.Source.AskPrice);
        Field<NonNullGraphType<DecimalStringGraphType>>("askSize").Resolve(c => c.Source.AskSize);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("timestamp").Resolve(c => c.Source.Timestamp);
    }
}

internal sealed class BarType : ObjectGraphType<AlpacaBar>
{
    public BarType()
    {
        Name = "Bar";
        Description = "Open, high, low and close of an interval, labelled with its start; daily bars start at New York midnight.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("timestamp").Description("The start of the interval.").Resolve(c => c.Source.Timestamp);
        Field<NonNullGraphType<DecimalStringGraphType>>("open").Resolve(c => c.Source.Open);
        Field<NonNullGraphType<DecimalStringGraphType>>("high").Resolve(c => c.Source.High);
        Field<NonNullGraphType<DecimalStringGraphType>>("low").Resolve(c => c.Source.Low);
        Field<NonNullGraphType<DecimalStringGraphType>>("close").Resolve(c => c.Source.Close);
        Field<NonNullGraphType<DecimalStringGraphType>>("volume").Resolve(c => c.Source.Volume);
        Field<IntGraphType>("tradeCount").Resolve(c => c.Source.TradeCount is { } n ? (int)Math.Min(n, int.MaxValue) : (int?)null);
        Field<DecimalStringGraphType>("vwap").Description("Volume-weighted average price.").Resolve(c => c.Source.Vwap);
    }
}

internal sealed class BarSeriesType : ObjectGraphType<BarSeries>
{
    public BarSeriesType()
    {
        Name = "BarSeries";
        Field<NonNullGraphType<StringGraphType>>("symbol").Resolve(c => c.Source.Symbol);
        Field<NonNullGraphType<BarTimeframeGraphType>>("timeframe").Resolve(c => c.Source.Timeframe.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BarType>>>>("bars").Description("Oldest first.").Resolve(c => c.Source.Bars);
        Field<NonNullGraphType<BooleanGraphType>>("hasMore")
            .Description("More bars exist after the last one (past `first`): ask again with `start` just after it.")
            .Resolve(c => c.Source.HasMore);
    }
}

internal sealed class BarTimeframeGraphType : EnumerationGraphType
{
    public BarTimeframeGraphType()
    {
        Name = "BarTimeframe";
        Description = "The length of each bar.";
        foreach (var timeframe in BarTimeframe.All)
        {
            Add(timeframe.Name, timeframe.Name, $"{timeframe.Wire} bars.");
        }
    }
}
