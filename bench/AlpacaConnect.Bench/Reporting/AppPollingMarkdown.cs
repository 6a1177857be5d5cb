using System.Text;
using AlpacaConnect.Bench.Scenarios;
using static AlpacaConnect.Bench.Reporting.MarkdownReport;

namespace AlpacaConnect.Bench.Reporting;

internal static class AppPollingMarkdown
{
    /// <summary>Our budget per account and API a minute (Alpaca:RateLimit:PermitLimit as shipped), under Alpaca's 200.</summary>
    private const int Budget = 190;

    public static void Render(StringBuilder md, AppPollingFigures a)
    {
        md.Append(Inv($"## Upstream economy, an app polling: `quotes` for {a.Symbols} symbols and `portfolioHistory` every second for {a.PlannedSeconds:0} s\n\n"));
        md.Append("| figure | value | goal |\n|---|---:|---|\n");
        Row(md, "ticks / GraphQL calls (failed)", Inv($"{a.Ticks} / {a.Calls} ({a.Failed})"), Verdict(a.Failed == 0, "0 failed"));
        Row(md, "trading API requests per minute", Inv($"{a.TradingPerMinute:0.0} ({a.TradingRequests} in {a.Seconds:0} s)"), Verdict(a.TradingPerMinute < Budget, Inv($"< {Budget}")));
        Row(md, "market data API requests per minute", Inv($"{a.DataPerMinute:0.0} ({a.DataRequests} in {a.Seconds:0} s)"), Verdict(a.DataPerMinute < Budget, Inv($"< {Budget}")));
        Row(md, "other upstream requests (OAuth)", Inv($"{a.OtherRequests}"), "");
        Row(md, "429s received", Inv($"{a.Upstream429s}"), Verdict(a.Upstream429s == 0, "0"));
        Row(md, "upstream requests by route", string.Join(", ", a.UpstreamByRoute.Select(r => $"`{r.Key}` {r.Value}")), "");
        Notes(md, a.FirstFailure is { } f ? ["first failure: " + f] : []);
        md.Append('\n');
    }
}
