using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary>
/// One placement scenario: <c>placeOrder</c> through the server and <c>POST /v2/orders</c> straight to the sandbox,
/// measured in the same run with as many users and loops, at the same upstream latency, and the target it is held to.
/// </summary>
public sealed record PlacementFigures(
    string Scenario, string Title, int Users, int Concurrency, TimeSpan UpstreamLatency, LoadResult Direct, LoadResult Server, PlacementVerdict Verdict,
    ProcessLoad DirectLoad, ProcessLoad ServerLoad)
{
    /// <summary>The floor side (a bare endpoint doing only the durable minimum), measured between the other two.</summary>
    public FloorFigures? Floor { get; init; }

    /// <summary>The server's one SQLite writer while the server side ran.</summary>
    public WriteGateFigures? ServerWriteGate { get; init; }

    /// <summary>Where the server kept its data: SQLite (as shipped) or PostgreSQL (<c>--postgres</c>).</summary>
    public string Database { get; init; } = "SQLite";

    /// <summary>The server's rate a throughput target asks (its share of the direct rate); null for a latency target.</summary>
    public double? TargetRate => Verdict.IsThroughput ? Verdict.Target * Direct.RequestsPerSecond : null;

    /// <summary>Cores the server process would use at <see cref="TargetRate"/>, at the CPU per call measured.</summary>
    public double? CoresAtTargetRate => TargetRate * ServerLoad.CpuMsPerCall / 1000;
}

/// <summary>
/// How busy a process (the server, which also hosts the sandbox, or the floor) was while one side ran, warm-up
/// included: CPU cores in use on average, and CPU milliseconds per successful call. It tells whether a side was held
/// back by the machine's cores or by waiting.
/// </summary>
public sealed record ProcessLoad(double Cores, double CpuMsPerCall)
{
    public static ProcessLoad Of(TimeSpan cpu, TimeSpan wall, LoadResult result, TimeSpan warmUp)
    {
        var calls = Calls(result, warmUp);
        return new(cpu / wall, calls > 0 ? cpu.TotalMilliseconds / calls : 0);
    }

    /// <summary>Calls in the warm-up are not counted by the load loop; at the measured rate they add warm-up × rate.</summary>
    public static double Calls(LoadResult result, TimeSpan warmUp) => result.Succeeded + (result.RequestsPerSecond * warmUp.TotalSeconds);
}

/// <summary>
/// The figure a target is about (in <see cref="Unit"/>: <c>ms</c> or <c>×</c>), the target, and whether the run met
/// it. A server that failed a call, or a side with no successful call, misses whatever its figure says: a fast
/// placement that does not place is no placement.
/// </summary>
public sealed record PlacementVerdict(string Figure, string Unit, double Value, string Comparison, double Target, bool Met)
{
    /// <summary>One user, one at a time: the server may add one upstream round trip and 5 ms to the direct p50.</summary>
    public static PlacementVerdict AddedP50(LoadResult direct, LoadResult server, TimeSpan upstreamLatency)
    {
        var added = server.Latency.P50 - direct.Latency.P50;
        var target = upstreamLatency.TotalMilliseconds + 5;
        return new("server p50 − direct p50", "ms", added, "≤", target, Clean(direct, server) && added <= target);
    }

    /// <summary>Many at once: the server's successful placements per second as a share of the direct POST's.</summary>
    public static PlacementVerdict ThroughputShare(LoadResult direct, LoadResult server, double share)
    {
        var ratio = server.RequestsPerSecond / direct.RequestsPerSecond;
        return new("server ÷ direct requests/s", "×", ratio, "≥", share, Clean(direct, server) && ratio >= share);
    }

    /// <summary>Whether the target is a share of the direct POST's throughput (else an added latency).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsThroughput => Unit == "×";

    /// <summary>The same figure with another side (the floor) in the server's place: its name says which.</summary>
    public PlacementVerdict For(string side) => this with { Figure = Figure.Replace("server", side, StringComparison.Ordinal) };

    private static bool Clean(LoadResult direct, LoadResult server) => server.Failed == 0 && server.Succeeded > 0 && direct.Succeeded > 0;
}
