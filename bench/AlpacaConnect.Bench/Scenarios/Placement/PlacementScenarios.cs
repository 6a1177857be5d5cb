using System.Globalization;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary>
/// <c>placeOrder</c> against <c>POST /v2/orders</c> sent straight to the sandbox, side by side in one run, at the load
/// scenario's upstream latency: a sandbox fault rule delays every sandbox request, so the server's upstream calls and
/// the direct calls pay alike. Each scenario starts a server of its own, so one scenario's order history does not slow
/// the next one's database. The targets are issue 13's. Between the two sides, <see cref="FloorSide"/> measures the
/// floor: what a bare endpoint doing only the durable minimum reaches with the same users and loops.
/// </summary>
public static class PlacementScenarios
{
    public const string OneAtATime = "placement-serial";

    public const string ManyAtOnce = "placement-parallel";

    public const string ManyUsers = "placement-users";

    /// <summary>The seeded sandbox user the one-user scenarios' direct and floor sides trade as; the server links alice.</summary>
    private const string ApartUser = "bob";

    /// <summary>One user, one order at a time: p50 within one upstream round trip and 5 ms of the direct POST's.</summary>
    public static async Task<PlacementFigures> OneUserOneAtATimeAsync(BenchContext bench)
    {
        await using var server = await SandboxServer.StartAsync(bench, OneAtATime, PlacementSettings.For());
        var apart = await server.UnlinkedSandboxTokenAsync(ApartUser);
        var direct = new DirectCalls(bench.Http, server.Sandbox, apart);
        return await CompareAsync(
            bench, server, OneAtATime, "one user, one at a time", users: 1, concurrency: 1,
            (_, ct) => direct.PlaceOrderAsync(ct), (_, ct) => PlacementCalls.PlaceOrderAsync(server.App, ct),
            (d, s) => PlacementVerdict.AddedP50(d, s, bench.Options.UpstreamLatency), _ => apart);
    }

    /// <summary>One user, many orders at once: at least half the direct POST's throughput.</summary>
    public static async Task<PlacementFigures> OneUserManyAtOnceAsync(BenchContext bench)
    {
        var concurrency = bench.Options.PlacementConcurrency;
        await using var server = await SandboxServer.StartAsync(bench, ManyAtOnce, PlacementSettings.For());
        var apart = await server.UnlinkedSandboxTokenAsync(ApartUser);
        var direct = new DirectCalls(bench.Http, server.Sandbox, apart);
        return await CompareAsync(
            bench, server, ManyAtOnce, Inv($"one user, {concurrency} at once"), users: 1, concurrency,
            (_, ct) => direct.PlaceOrderAsync(ct), (_, ct) => PlacementCalls.PlaceOrderAsync(server.App, ct),
            (d, s) => PlacementVerdict.ThroughputShare(d, s, 0.5), _ => apart);
    }

    /// <summary>Many users, one order at a time each (a loop per user): at least 0.8× the direct POSTs' throughput.</summary>
    public static async Task<PlacementFigures> ManyUsersOneAtATimeAsync(BenchContext bench)
    {
        var users = bench.Options.PlacementUsers;
        // Twice as many sandbox users as app users: the first half linked to the server, the second half for the direct
        // and floor sides, whose orders the server must not see.
        await using var server = await SandboxServer.StartAsync(bench, ManyUsers, PlacementSettings.For(generatedUsers: 2 * users));
        var linked = await GeneratedUsers.LinkAsync(server, users);
        bench.Say(Inv($"{ManyUsers}: linked {users} users ({GeneratedUsers.Id(1)} to {GeneratedUsers.Id(users)})"));
        var apart = await Task.WhenAll(Enumerable.Range(users + 1, users).Select(n => server.UnlinkedSandboxTokenAsync(GeneratedUsers.Id(n))));
        var direct = apart.Select(token => new DirectCalls(bench.Http, server.Sandbox, token)).ToList();
        return await CompareAsync(
            bench, server, ManyUsers, Inv($"{users} users, one at a time each"), users, concurrency: users,
            (worker, ct) => direct[worker].PlaceOrderAsync(ct), (worker, ct) => PlacementCalls.PlaceOrderAsync(linked[worker].App, ct),
            (d, s) => PlacementVerdict.ThroughputShare(d, s, 0.8), worker => apart[worker]);
    }

    private static async Task<PlacementFigures> CompareAsync(
        BenchContext bench, SandboxServer server, string scenario, string title, int users, int concurrency,
        Func<int, CancellationToken, Task<string?>> directly, Func<int, CancellationToken, Task<string?>> viaServer,
        Func<LoadResult, LoadResult, PlacementVerdict> judge, Func<int, string> sandboxTokenOf)
    {
        var options = bench.Options;
        await server.Sandbox.AddFaultAsync("*", "Latency", latency: options.UpstreamLatency);

        // Each side runs warm. The direct and floor sides place their orders on sandbox accounts the server has not
        // linked: it follows the trade_updates of every linked account from the moment it is linked, and tens of
        // thousands of their orders' events arrived on its streams while it was being measured (the sandbox queues them
        // without bound), so its own figure swung between runs by a third.
        bench.Say(Inv($"{scenario}: POST /v2/orders directly, {title} ({concurrency} concurrent, {options.LoadDuration.TotalSeconds:0} s)"));
        await WarmUpAsync(options, concurrency, directly);
        var (direct, directLoad, _) = await MeasuredAsync(bench, server, () =>
            ClosedLoop.RunAsync("POST /v2/orders", "sandbox directly", concurrency, options.LoadWarmUp, options.LoadDuration, directly));
        var floor = await FloorSide.MeasureAsync(bench, server, scenario, title, concurrency, sandboxTokenOf, direct, judge);
        bench.Say(Inv($"{scenario}: placeOrder via the server, {title} ({concurrency} concurrent, {options.LoadDuration.TotalSeconds:0} s)"));
        await WarmUpAsync(options, concurrency, viaServer);
        var (viaTheServer, serverLoad, writeGate) = await MeasuredAsync(bench, server, () =>
            ClosedLoop.RunAsync("placeOrder", "server", concurrency, options.LoadWarmUp, options.LoadDuration, viaServer));
        await server.Sandbox.ClearFaultsAsync();

        var verdict = judge(direct, viaTheServer);
        var writer = bench.Settings.OnSqlite ? writeGate : null;
        bench.Say(
            Inv($"{scenario}: direct {direct.RequestsPerSecond:0}/s p50 {direct.Latency.P50:0.0} ms, server {viaTheServer.RequestsPerSecond:0}/s ") +
            Inv($"p50 {viaTheServer.Latency.P50:0.0} ms ({viaTheServer.Failed} failed); {verdict.Figure} {verdict.Value:0.00} {verdict.Unit}, ") +
            Inv($"target {verdict.Comparison} {verdict.Target:0.00}: {(verdict.Met ? "met" : "missed")}; server process CPU ") +
            Inv($"{directLoad.Cores:0.00} cores / {serverLoad.Cores:0.00} cores, {directLoad.CpuMsPerCall:0.00} / {serverLoad.CpuMsPerCall:0.00} ms per call; ") +
            (writer is null
                ? $"the server on {bench.Settings.Database}"
                : Inv($"SQLite writer busy {writer.BusyShare:P0}, {writer.WritesPerCall:0.0} writes per call of {writer.MeanHoldMs:0.00} ms each")));
        var figures = new PlacementFigures(scenario, title, users, concurrency, options.UpstreamLatency, direct, viaTheServer, verdict, directLoad, serverLoad)
        {
            Floor = floor,
            ServerWriteGate = writer,
            Database = bench.Settings.Database,
        };
        if (verdict.IsThroughput)
        {
            bench.Say(Inv($"{scenario}: at the target's {figures.TargetRate:0}/s the server process would use {figures.CoresAtTargetRate:0.00} cores ") +
                Inv($"({serverLoad.CpuMsPerCall:0.00} ms per call); this machine has {Environment.ProcessorCount}"));
        }

        return figures;
    }

    /// <summary>
    /// Runs a side unmeasured for <see cref="BenchOptions.PlacementWarmUp"/>: a fresh server's tiered JIT recompiles the
    /// order path for the first seconds of new load (a quarter of its CPU in a profile of the first 10 s), and a server in
    /// production runs warm.
    /// </summary>
    private static Task<LoadResult> WarmUpAsync(BenchOptions options, int concurrency, Func<int, CancellationToken, Task<string?>> call) =>
        ClosedLoop.RunAsync("warm-up", "warm-up", concurrency, TimeSpan.Zero, options.Quick ? TimeSpan.FromSeconds(1) : options.PlacementWarmUp, call);

    /// <summary>One side's load, with the server process's CPU time and its SQLite writer's work over the same span.</summary>
    private static async Task<(LoadResult Result, ProcessLoad Load, WriteGateFigures WriteGate)> MeasuredAsync(
        BenchContext bench, SandboxServer server, Func<Task<LoadResult>> run)
    {
        var gate = await WriteGateFigures.ReadAsync(bench.Http, server.Process.BaseUri);
        var cpu = ProcFs.CpuTime(server.Process.Pid);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await run();
        var used = ProcFs.CpuTime(server.Process.Pid) - cpu;
        var wall = clock.Elapsed;
        var warmUp = bench.Options.LoadWarmUp;
        var writes = WriteGateFigures.Between(gate, await WriteGateFigures.ReadAsync(bench.Http, server.Process.BaseUri), wall, ProcessLoad.Calls(result, warmUp));
        return (result, ProcessLoad.Of(used, wall, result, warmUp), writes);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
