using System.Globalization;
using System.Text;
using AlpacaConnect.Bench.Scenarios;
using AlpacaConnect.Bench.Scenarios.Soak;

namespace AlpacaConnect.Bench.Reporting;

/// <summary>The results as a page a person reads; bench/README.md explains each figure.</summary>
public static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.Append(Inv($"# Benchmark results {report.TakenAt:yyyy-MM-dd HH:mm} UTC{(report.Quick ? " (quick run: sizes shrunk, figures only prove the harness)" : "")}\n\n"));
        if (report.Note is { } note)
        {
            md.Append("> ").Append(note).Append("\n\n");
        }

        md.Append("| machine | |\n|---|---|\n");
        Row(md, "CPU", $"{m.Cpu}, {m.Cores} cores");
        Row(md, "memory", Inv($"{m.MemoryGiB} GiB"));
        Row(md, "OS", $"{m.OperatingSystem}, kernel {m.Kernel}");
        Row(md, ".NET", $"{m.Runtime} (SDK {m.Sdk})");
        Row(md, "commit", m.Commit + (m.UncommittedChanges ? " with uncommitted changes" : ""));
        Row(md, "load average (1/5/15 min) at start / end", $"{m.LoadAverageAtStart} / {report.LoadAverageAtEnd}");
        Row(md, "whole run", Inv($"{report.DurationSeconds / 60:0.0} min"));
        md.Append('\n');

        if (report.Load is { } load)
        {
            Load(md, load);
        }

        if (report.Placement.Count > 0)
        {
            PlacementMarkdown.Render(md, report.Placement);
        }

        if (report.Economy is { } economy)
        {
            Economy(md, economy);
        }

        if (report.AppPolling is { } polling)
        {
            AppPollingMarkdown.Render(md, polling);
        }

        if (report.Storm is { } storm)
        {
            Storm(md, storm);
        }

        foreach (var fanOut in report.FanOut ?? [])
        {
            FanOut(md, fanOut);
        }

        if (report.Soak is { } soak)
        {
            Soak(md, soak);
        }

        if (report.Abuse is { } abuse)
        {
            Abuse(md, abuse);
        }

        if (report.Push is { } push)
        {
            PushMarkdown.Render(md, push);
        }

        if (report.Problems.Count > 0)
        {
            md.Append("## Scenarios that did not finish\n\n");
            report.Problems.ForEach(p => md.Append("- ").Append(p).Append('\n'));
            md.Append('\n');
        }

        return md.ToString();
    }

    private static void Load(StringBuilder md, LoadFigures load)
    {
        md.Append(Inv($"## Load: server vs. the sandbox called directly (upstream latency {load.UpstreamLatency.TotalMilliseconds:0} ms on every sandbox request)\n\n"));
        md.Append("| target | via | concurrency | requests/s | p50 ms | p95 ms | p99 ms | failed |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var t in load.Targets)
        {
            md.Append(Inv($"| `{t.Target}` | {t.Via} | {t.Concurrency} | {t.RequestsPerSecond:0} | {Ms(t.Latency.P50)} | {Ms(t.Latency.P95)} | {Ms(t.Latency.P99)} | {t.Failed} |\n"));
        }

        md.Append("\n| operation | direct call | added p50 ms | ratio p50 | added p99 ms | ratio p99 |\n|---|---|---:|---:|---:|---:|\n");
        foreach (var a in load.Added)
        {
            md.Append(Inv($"| `{a.Operation}` | `{a.DirectCall}` | {a.AddedP50:0.0} | {a.RatioP50:0.00}× | {a.AddedP99:0.0} | {a.RatioP99:0.00}× |\n"));
        }

        var failures = load.Targets.Where(t => t.FirstFailure is not null).Select(t => $"{t.Target} via {t.Via}: {t.FirstFailure}").ToList();
        Notes(md, failures.Select(f => "first failure, " + f));
        md.Append('\n');
    }

    private static void Economy(StringBuilder md, EconomyFigures e)
    {
        md.Append(Inv($"## Upstream economy: one user, `positions` at {e.RequestsPerSecond}/s for {e.PlannedSeconds:0} s\n\n"));
        md.Append("| figure | value | goal |\n|---|---:|---|\n");
        Row(md, "calls answered / due", Inv($"{e.Calls.Succeeded} / {e.Calls.Due} ({e.Calls.Failed} failed, {e.Calls.Due - e.Calls.Sent} not sent)"), "");
        Row(md, "achieved calls/s", Inv($"{e.Calls.AchievedPerSecond:0}"), "");
        Row(md, "call latency p50 / p99 ms (from when due)", $"{Ms(e.Calls.Latency.P50)} / {Ms(e.Calls.Latency.P99)}", "");
        Row(md, "upstream requests", Inv($"{e.UpstreamRequests} in {e.Calls.Seconds:0} s"), "");
        Row(md, "upstream requests per minute", Inv($"{e.UpstreamPerMinute:0.0}"), Verdict(e.UpstreamPerMinute < 200, "< 200"));
        Row(md, "429s received", Inv($"{e.Upstream429s}"), Verdict(e.Upstream429s == 0, "0"));
        Row(md, "upstream requests by route", string.Join(", ", e.UpstreamByRoute.Select(r => $"`{r.Key}` {r.Value}")), "");
        Notes(md, e.Calls.FirstFailure is { } f ? ["first failure: " + f] : []);
        md.Append('\n');
    }

    private static void Storm(StringBuilder md, StormFigures s)
    {
        md.Append(Inv($"## Token refresh storm: {s.Calls} `placeOrder` calls at once on a token inside its refresh window\n\n"));
        md.Append("| figure | value | goal |\n|---|---:|---|\n");
        Row(md, "token lifetime / refresh skew", $"{s.TokenLifetime.TotalSeconds} s / {s.RefreshSkew.TotalSeconds} s", "");
        Row(md, Inv($"refresh requests in the first {(s.TokenLifetime - s.RefreshSkew).TotalSeconds:0} s"), Inv($"{s.RefreshRequests}"), Verdict(s.RefreshRequests == 1, "1"));
        Row(md, "refresh requests after that (the refreshed token due in turn)", Inv($"{s.LaterRefreshRequests}"), "");
        Row(md, "upstream 401s", Inv($"{s.Upstream401s}"), Verdict(s.Upstream401s == 0, "0"));
        Row(md, "calls succeeded", Inv($"{s.Succeeded} of {s.Calls} in {s.Seconds:0.0} s"), "");
        Row(md, "upstream order POSTs", Inv($"{s.UpstreamOrderPosts}"), "");
        Row(md, "latency p50 / p99 ms", $"{Ms(s.Latency.P50)} / {Ms(s.Latency.P99)}", "");
        Notes(md, s.Failures.Select(f => $"failed with {f.Key}: {f.Value}"));
        md.Append('\n');
    }

    private static void FanOut(StringBuilder md, FanOutFigures f)
    {
        md.Append(Inv($"## Fan-out and memory: {f.Subscribers} subscribers on loopback\n\n"));
        md.Append("| figure | value | target |\n|---|---:|---|\n");
        Row(md, "subscription", f.Subscription, "");
        Row(md, "event timed", f.Event, "");
        Row(md, "timed from", f.TimedFrom, "");
        Row(md, "resident size idle", Mib(f.IdleResidentBytes), Judge(f.IdleResidentBytes <= FanOutFigures.TargetIdleResidentBytes, "≤ 150 MiB"));
        Row(md, Inv($"resident size with {f.Subscribers} subscribers"), Mib(f.SubscribedResidentBytes), "");
        Row(md, "resident size after the rounds", Mib(f.AfterRoundsResidentBytes), "");
        Row(md, "memory per further subscriber (resident growth from a tenth of them to all, divided by the rest)", Inv($"{f.BytesPerSubscriber / 1024:0.0} KiB"), Judge(f.BytesPerSubscriber <= FanOutFigures.TargetBytesPerSubscriber, "≤ 32 KiB"));
        Row(md, "rounds × subscribers delivered", Inv($"{f.Deliveries} of {f.Rounds * f.Subscribers} ({f.Missed} missed)"), Judge(f.Missed == 0, "0 missed"));
        Row(md, "delivery latency p50 / p99 / max ms", $"{Ms(f.Delivery.P50)} / {Ms(f.Delivery.P99)} / {Ms(f.Delivery.Max)}",
            Judge(f.Delivery.P99 <= f.TargetP99Ms, Inv($"p99 ≤ {f.TargetP99Ms:0} ms")));
        Row(md, "sockets that could not open / closed by the server", Inv($"{f.FailedToOpen} / {f.SocketsClosedByServer}"), "");
        Notes(md, f.Unexpected.Select(u => "unexpected message: " + u));
        md.Append('\n');
    }

    private static string Judge(bool met, string target) => (met ? "met: " : "**missed**: ") + target;

    private static void Abuse(StringBuilder md, AbuseFigures a)
    {
        md.Append(Inv($"## A well-behaved user's `positions` alone and while one abusive client ({a.AbusiveWorkers} workers, another address and process) opens sockets and operations as fast as it can\n\n"));
        md.Append("| edge limits | `positions` | requests | p50 ms | p95 ms | p99 ms | max ms | failed |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var phase in a.Phases)
        {
            foreach (var r in new[] { phase.Alone, phase.UnderAbuse })
            {
                Row(md, phase.Limits, r.Via, Inv($"{r.Succeeded}"), Ms(r.Latency.P50), Ms(r.Latency.P95), Ms(r.Latency.P99), Ms(r.Latency.Max), Inv($"{r.Failed}"));
            }
        }

        md.Append("\n| edge limits | p99 under abuse ÷ alone (target ≤ 2×) | abuser: sockets opened | operations sent | handshakes refused | sockets closed or dropped | answers by kind |\n|---|---|---:|---:|---:|---:|---|\n");
        foreach (var phase in a.Phases)
        {
            var met = phase.RatioP99 <= 2.0 ? "met" : "**missed**";
            var kinds = string.Join(", ", phase.Abuse.Refusals.OrderByDescending(r => r.Value).Select(r => Inv($"{r.Key}: {r.Value}")));
            Row(md, phase.Limits, Inv($"{phase.RatioP99:0.00}× ({met})"), Inv($"{phase.Abuse.SocketsOpened}"), Inv($"{phase.Abuse.OperationsSent}"),
                Inv($"{phase.Abuse.HandshakesRefused}"), Inv($"{phase.Abuse.ClosedByServer}"), kinds.Length == 0 ? "–" : kinds);
        }

        Notes(md, a.Phases.SelectMany(p => new[] { p.Alone.FirstFailure, p.UnderAbuse.FirstFailure }).OfType<string>().Select(f => "first failure: " + f));
        md.Append('\n');
    }

    private static void Soak(StringBuilder md, SoakFigures s)
    {
        md.Append(Inv($"## Chaos soak: {s.Keys} `placeOrder` calls, faults, dropped streams, one server kill and restart\n\n"));
        md.Append("| figure | value | goal |\n|---|---:|---|\n");
        Row(md, "faults", s.FaultMix, "");
        Row(md, "placing took / restart downtime", Inv($"{s.PlacingSeconds:0} s / {s.RestartDowntimeSeconds:0.0} s"), "");
        Row(md, "stream drops", Inv($"{s.StreamDrops}"), "");
        Row(md, "keys accepted / refused / unresolved", Inv($"{s.Accepted} / {s.Refused} / {s.Unresolved}"), Verdict(s.Unresolved == 0, "0 unresolved"));
        Row(md, "attempts (retries with the same key)", Inv($"{s.Attempts} ({s.Attempts - s.Keys} retries)"), "");
        Row(md, "sandbox orders / distinct client_order_ids", Inv($"{s.SandboxOrders} / {s.DistinctClientOrderIds}"), "");
        Row(md, "duplicated orders", Inv($"{s.DuplicatedOrders}"), Verdict(s.DuplicatedOrders == 0, "0"));
        Row(md, "sandbox orders without an accepted key", Inv($"{s.SandboxOrdersWithoutAcceptedKey}"), Verdict(s.SandboxOrdersWithoutAcceptedKey == 0, "0"));
        Row(md, "lost orders", Inv($"{s.LostOrders}"), Verdict(s.LostOrders == 0, "0"));
        Row(md, "orders without a final status", Inv($"{s.WithoutFinalStatus}"), Verdict(s.WithoutFinalStatus == 0, "0"));
        Row(md, "server and sandbox disagree on status", Inv($"{s.StatusDisagreements}"), Verdict(s.StatusDisagreements == 0, "0"));
        if (s.Subscribers is { } sub)
        {
            Row(md, "subscribers / subscriptions opened again after a drop", Inv($"{sub.Subscribers} / {sub.Resubscriptions}"), "");
            Row(md, "final events received / expected", Inv($"{sub.FinalEventsReceived} / {sub.FinalEventsExpected}"), "");
            Row(md, "subscribers that missed a final event (while attached)", Inv($"{sub.SubscribersThatMissed} ({sub.MissedWhileAttached} events)"), Verdict(sub.SubscribersThatMissed == 0, "0"));
            Row(md, "final events that reached no subscriber: all / recorded while subscribers were attached", Inv($"{sub.FinalEventsReachingNoSubscriber} / {sub.OfThoseWhileSubscribersWereAttached}"), Verdict(sub.OfThoseWhileSubscribersWereAttached == 0, "0 while attached"));
            Row(md, "final events delivered twice to one subscriber", Inv($"{sub.DuplicateFinalEvents}"), Verdict(sub.DuplicateFinalEvents == 0, "0"));
        }

        if (s.Log is { } log)
        {
            Row(md, "resuming with `after:`: updates in the users' logs / subscribers", Inv($"{log.EventsInLogs} in {log.Users} logs / {log.Subscribers}"), "");
            Row(md, "sockets the subscribers dropped themselves / subscriptions resumed in all", Inv($"{log.OwnDrops} / {log.Resubscriptions}"), "");
            Row(md, "subscribers that hold their user's whole log, once each, in order", Inv($"{log.SubscribersWithEveryEvent} of {log.Subscribers}"), Verdict(log.SubscribersWithEveryEvent == log.Subscribers, "all"));
            Row(md, "gaps (updates of the log a subscriber never received)", Inv($"{log.Gaps}"), Verdict(log.Gaps == 0, "0"));
            Row(md, "duplicates (an update received twice by one subscriber)", Inv($"{log.Duplicates}"), Verdict(log.Duplicates == 0, "0"));
            Row(md, "out of order / not in the log", Inv($"{log.OutOfOrder} / {log.NotInLog}"), Verdict(log.OutOfOrder == 0 && log.NotInLog == 0, "0 / 0"));
        }
        else
        {
            Row(md, "subscribers that missed a final event", "not measured", "orderUpdated is not in the schema");
        }

        Notes(md, s.RetryReasons.Select(r => $"retried because of {r.Key}: {r.Value}").Concat(s.Examples.Select(e => "example, " + e)));
        md.Append('\n');
    }

    internal static void Notes(StringBuilder md, IEnumerable<string> notes)
    {
        var list = notes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.Append('\n');
        list.ForEach(n => md.Append("- ").Append(n.Replace("\n", " ", StringComparison.Ordinal)).Append('\n'));
    }

    internal static void Row(StringBuilder md, params string[] cells) => md.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

    internal static string Verdict(bool met, string goal) => (met ? "met: " : "**missed**: ") + goal;

    internal static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => Inv($"{bytes / (1024.0 * 1024):0.0} MiB");

    internal static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
