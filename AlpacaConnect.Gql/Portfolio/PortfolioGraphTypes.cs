using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Scalars;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Portfolio;

internal sealed class PortfolioHistoryGraphType : ObjectGraphType<AlpacaPortfolioHistory>
{
    public PortfolioHistoryGraphType()
    {
        Name = "PortfolioHistory";
        Description = "The equity chart, read from Alpaca. No history yet: no points and baseValue 0.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EquityPointGraphType>>>>("points").Description("Oldest first.").Resolve(c => c.Source.Points);
        Field<DecimalStringGraphType>("baseValue")
            .Description("What profitLoss is measured from: the closing equity on baseValueAsOf, or the first point's when that is null. Null when Alpaca sent none.")
            .Resolve(c => c.Source.BaseValue);
        Field<StringGraphType>("baseValueAsOf").Description("YYYY-MM-DD, when Alpaca names the day.")
            .Resolve(c => c.Source.BaseValueAsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<PortfolioTimeframeGraphType>("timeframe").Description("The points' spacing as Alpaca answered it.")
            .Resolve(c => PortfolioTimeframes.Parse(c.Source.Timeframe));
    }
}

internal sealed class EquityPointGraphType : ObjectGraphType<AlpacaEquityPoint>
{
    public EquityPointGraphType()
    {
        Name = "EquityPoint";
        Description = "One point of the chart. Alpaca may leave any value out (null), e.g. profitLossPct on a zero base.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("timestamp").Description("The start of the point's window (UTC).").Resolve(c => c.Source.Timestamp);
        Field<DecimalStringGraphType>("equity").Resolve(c => c.Source.Equity);
        Field<DecimalStringGraphType>("profitLoss").Description("equity − baseValue.").Resolve(c => c.Source.ProfitLoss);
        Field<DecimalStringGraphType>("profitLossPct").Description("profitLoss as a fraction of baseValue (0.014 = 1.4%).").Resolve(c => c.Source.ProfitLossPct);
    }
}

internal sealed class MarketDayGraphType : ObjectGraphType<AlpacaMarketDay>
{
    public MarketDayGraphType()
    {
        Name = "MarketDay";
        Description = "A trading day of the US equity market; early closes show as a close before 16:00 New York time.";
        Field<NonNullGraphType<StringGraphType>>("date").Description("YYYY-MM-DD.").Resolve(c => Day(c.Source.Date));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("open").Description("Regular session open, with New York's offset.")
            .Resolve(c => MarketTime.At(c.Source.Date, c.Source.Open));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("close").Description("Regular session close, with New York's offset.")
            .Resolve(c => MarketTime.At(c.Source.Date, c.Source.Close));
        Field<NonNullGraphType<BooleanGraphType>>("earlyClose").Description("The regular session closes before 16:00.")
            .Resolve(c => c.Source.Close < new TimeOnly(16, 0));
        Field<DateTimeOffsetGraphType>("sessionOpen").Description("Extended hours start.")
            .Resolve(c => c.Source.SessionOpen is { } t ? MarketTime.At(c.Source.Date, t) : null);
        Field<DateTimeOffsetGraphType>("sessionClose").Description("Extended hours end.")
            .Resolve(c => c.Source.SessionClose is { } t ? MarketTime.At(c.Source.Date, t) : null);
        Field<StringGraphType>("settlementDate").Description("YYYY-MM-DD: when a trade of this day settles.")
            .Resolve(c => c.Source.SettlementDate is { } d ? Day(d) : null);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Alpaca's calendar times are New York local (facts-more 6.1, the C# SDK's reading).</summary>
internal static class MarketTime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }
}
