using System.Text;
using AlpacaConnect.Bench.Scenarios.Push;
using static AlpacaConnect.Bench.Reporting.MarkdownReport;

namespace AlpacaConnect.Bench.Reporting;

internal static class PushMarkdown
{
    public static void Render(StringBuilder md, PushFigures p)
    {
        md.Append(Inv($"## Background delivery: {p.Fills:N0} fills across {p.Users:N0} users with {p.DevicesPerUser} devices each (FCM and Expo fakes; {p.FailingProvider} failing {p.FailingPercent}% of calls)\n\n"));
        md.Append("| figure | value | goal |\n|---|---:|---|\n");
        Row(md, "orders placed (failed)", Inv($"{p.OrdersPlaced:N0} ({p.OrdersFailed})"), Verdict(p.OrdersFailed == 0, "0 failed"));
        Row(md, "FILL events / notifications expected", Inv($"{p.Fills:N0} / {p.Expected:N0}"), "");
        Row(md, "notifications the fakes accepted", Inv($"{p.Deliveries:N0}"), "");
        Row(md, "lost (a fill without a notification on a device)", Inv($"{p.Lost}"), Verdict(p.Lost == 0, "0"));
        Row(md, "duplicated (same dedup id twice on a device)", Inv($"{p.Duplicated}"), Verdict(p.Duplicated == 0, "0"));
        Row(md, "notifications per second (first fill to last accept)", Inv($"{p.NotificationsPerSecond:0.0}"), "");
        Row(md, "lag from the fill's event to the provider's accept, p50 / p95 / p99 / max ms",
            $"{Ms(p.Lag.P50)} / {Ms(p.Lag.P95)} / {Ms(p.Lag.P99)} / {Ms(p.Lag.Max)}", "");
        Row(md, "scenario seconds (placing and delivering)", Inv($"{p.Seconds:0}"), "");
        Notes(md, p.Unexpected);
        md.Append('\n');
    }
}
