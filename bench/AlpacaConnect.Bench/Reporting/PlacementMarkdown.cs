using System.Text;
using AlpacaConnect.Bench.Load;
using AlpacaConnect.Bench.Scenarios.Placement;
using static AlpacaConnect.Bench.Reporting.MarkdownReport;

namespace AlpacaConnect.Bench.Reporting;

/// <summary>
/// The placement section of the results: every side of each scenario (direct, floor, server), then each target and
/// whether the server met it, beside the same figure for the floor.
/// </summary>
public static class PlacementMarkdown
{
    public static void Render(StringBuilder md, IReadOnlyList<PlacementFigures> scenarios)
    {
        var latency = scenarios[0].UpstreamLatency.TotalMilliseconds;
        md.Append(Inv($"## Placement: `placeOrder` vs. `POST /v2/orders` sent directly and a bare floor server (upstream latency {latency:0} ms on every sandbox request, the server's data on {scenarios[0].Database})\n\n"));
        md.Append("| scenario | via | users | concurrency | requests/s | p50 ms | p95 ms | p99 ms | failed | server CPU, cores | server CPU ms per call | floor CPU, cores | floor CPU ms per call |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in scenarios)
        {
            Side(md, p, p.Direct, p.DirectLoad, "`POST /v2/orders` directly", floorLoad: null);
            if (p.Floor is { } floor)
            {
                Side(md, p, floor.Result, floor.ServerProcess, "`POST /floor/orders` via the floor", floor.FloorProcess);
            }

            Side(md, p, p.Server, p.ServerLoad, "`placeOrder` via the server", floorLoad: null);
        }

        md.Append("\n| scenario | figure | value | target | the floor's figure |\n|---|---|---:|---|---|\n");
        foreach (var p in scenarios)
        {
            var v = p.Verdict;
            var goal = $"{v.Comparison} {Value(v.Target, v.Unit)}";
            var failed = p.Server.Failed > 0 ? Inv($" ({p.Server.Failed} server calls failed)") : "";
            Row(md, p.Title, v.Figure, Value(v.Value, v.Unit) + Compared(p, p.Server), Verdict(v.Met, goal) + failed, FloorFigure(p));
        }

        if (scenarios.Any(p => p.ServerWriteGate is not null))
        {
            md.Append("\n| scenario | the server's one SQLite writer: busy | writes per `placeOrder` | mean hold ms | mean wait ms |\n|---|---:|---:|---:|---:|\n");
            foreach (var p in scenarios.Where(p => p.ServerWriteGate is not null))
            {
                var g = p.ServerWriteGate!;
                md.Append(Inv($"| {p.Title} | {g.BusyShare:P0} | {g.WritesPerCall:0.0} | {g.MeanHoldMs:0.00} | {g.MeanWaitMs:0.00} |\n"));
            }
        }

        CoresAtTarget(md, scenarios);
        Notes(md, scenarios.SelectMany(p => new[] { p.Direct, p.Floor?.Result, p.Server }.OfType<LoadResult>().Where(r => r.FirstFailure is not null)
            .Select(r => $"first failure, {p.Title}, {r.Target} via {r.Via}: {r.FirstFailure}")));
        md.Append('\n');
    }

    /// <summary>
    /// For each throughput target, the CPU the server process would burn at the rate the target asks, at the CPU per
    /// call it was measured to cost: a target that needs more cores than the machine has cannot be met here by waiting
    /// less, only by doing less per call. The process hosts the sandbox too (its share is the direct side's CPU per call).
    /// </summary>
    private static void CoresAtTarget(StringBuilder md, IReadOnlyList<PlacementFigures> scenarios)
    {
        var throughput = scenarios.Where(p => p.Verdict.IsThroughput).ToList();
        if (throughput.Count == 0)
        {
            return;
        }

        md.Append(Inv($"\n| scenario | server process CPU ms per `placeOrder` (its sandbox's share) | rate the target asks | server process cores at that rate | cores on this machine |\n|---|---:|---:|---:|---:|\n"));
        foreach (var p in throughput)
        {
            md.Append(Inv($"| {p.Title} | {p.ServerLoad.CpuMsPerCall:0.00} ({p.DirectLoad.CpuMsPerCall:0.00}) | {p.TargetRate:0}/s | {p.CoresAtTargetRate:0.00} | {Environment.ProcessorCount} |\n"));
        }
    }

    private static void Side(StringBuilder md, PlacementFigures p, LoadResult r, ProcessLoad load, string via, ProcessLoad? floorLoad) =>
        md.Append(Inv($"| {p.Title} | {via} | {p.Users} | {p.Concurrency} | {r.RequestsPerSecond:0} | {Ms(r.Latency.P50)} | {Ms(r.Latency.P95)} | {Ms(r.Latency.P99)} | {r.Failed} ") +
            Inv($"| {load.Cores:0.00} | {load.CpuMsPerCall:0.00} ") +
            (floorLoad is { } f ? Inv($"| {f.Cores:0.00} | {f.CpuMsPerCall:0.00} |\n") : "| – | – |\n"));

    /// <summary>
    /// The target's figure with the floor in the server's place (floor ÷ direct, or floor p50 − direct p50): what any
    /// server that saves, sends once and settles could reach on this machine. It judges nothing; the target is the server's.
    /// </summary>
    private static string FloorFigure(PlacementFigures p) => p.Floor is { } floor
        ? $"{floor.Figure.Figure}: {Value(floor.Figure.Value, floor.Figure.Unit)}{Compared(p, floor.Result)}, " +
            (floor.Figure.Met ? "within the target" : "short of the target") + (floor.Result.Failed > 0 ? Inv($" ({floor.Result.Failed} floor calls failed)") : "")
        : "not measured";

    /// <summary>The two figures the value derives from, so a reader need not look them up in the table above.</summary>
    private static string Compared(PlacementFigures p, LoadResult side) => p.Verdict.Unit == "ms"
        ? $" (p50 {Ms(side.Latency.P50)} vs. {Ms(p.Direct.Latency.P50)} ms)"
        : Inv($" ({side.RequestsPerSecond:0} vs. {p.Direct.RequestsPerSecond:0}/s)");

    private static string Value(double value, string unit) => unit == "ms" ? Inv($"{value:0.0} ms") : Inv($"{value:0.00}×");
}
