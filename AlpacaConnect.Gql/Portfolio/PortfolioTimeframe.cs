using GraphQL.Types;

namespace AlpacaConnect.Gql.Portfolio;

/// <summary>The spacing of the equity chart's points (Alpaca's <c>timeframe</c>, facts-more 1).</summary>
internal enum PortfolioTimeframe
{
    OneMinute,
    FiveMinutes,
    FifteenMinutes,
    OneHour,
    OneDay,
}

internal sealed class PortfolioTimeframeGraphType : EnumerationGraphType<PortfolioTimeframe>
{
    public PortfolioTimeframeGraphType()
    {
        Name = "PortfolioTimeframe";
        Description = "The spacing of the chart's points. Intraday spacings cover at most 30 days (Alpaca's rule).";
    }
}

internal static class PortfolioTimeframes
{
    public static string Wire(PortfolioTimeframe timeframe) => timeframe switch
    {
        PortfolioTimeframe.OneMinute => "1Min",
        PortfolioTimeframe.FiveMinutes => "5Min",
        PortfolioTimeframe.FifteenMinutes => "15Min",
        PortfolioTimeframe.OneHour => "1H",
        _ => "1D",
    };

    public static PortfolioTimeframe? Parse(string wire) => wire switch
    {
        "1Min" => PortfolioTimeframe.OneMinute,
        "5Min" => PortfolioTimeframe.FiveMinutes,
        "15Min" => PortfolioTimeframe.FifteenMinutes,
        "1H" => PortfolioTimeframe.OneHour,
        "1D" => PortfolioTimeframe.OneDay,
        _ => null,
    };
}
