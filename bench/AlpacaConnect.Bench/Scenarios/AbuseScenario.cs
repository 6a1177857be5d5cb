using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

/// <summary>One server configuration: the user alone, then under abuse, and what the abuser met.</summary>
public sealed record AbusePhase(string Limits, LoadResult Alone, LoadResult UnderAbuse, double RatioP99, AbuseCounts Abuse);

public sealed record AbuseFigures(int AbusiveWorkers, IReadOnlyList<AbusePhase> Phases);

/// <summary>
/// A well-behaved user's <c>positions</c> latency alone, then while one abusive client (another address, another
/// process) opens sockets and sends operations as fast as it can. Twice, each on a server of its own: with the shipped
/// edge limits (generous: one address may send 3,000 requests a second), and with the limits an operator would set for
/// a mobile app's traffic (<see cref="AppSized"/>). The user's own loop is closed and single: one request at a time.
/// </summary>
public static class AbuseScenario
{
    public const string Name = "abuse";

    /// <summary>The well-behaved user's pace: a request every 100 ms at most, one at a time.</summary>
    private const int UserPerSecond = 10;

    /// <summary>Edge limits sized for one app user's traffic (a screen refresh is a few requests), not for a bench.</summary>
    public static Dictionary<string, string> AppSized() => AppSettings.With(AppSettings.ShippedEdgeLimits(), new()
    {
        ["GraphQL:RateLimits:PerUserBurst"] = "100",
        ["GraphQL:RateLimits:PerUserPerPeriod"] = "2",
        ["GraphQL:RateLimits:PerIpBurst"] = "200",
        ["GraphQL:RateLimits:PerIpPerPeriod"] = "10",
        ["GraphQL:WebSockets:MaxSocketsPerIp"] = "20",
        ["GraphQL:WebSockets:MaxAnonymousSockets"] = "100",
    });

    public static async Task<AbuseFigures> RunAsync(BenchContext bench)
    {
        var phases = new List<AbusePhase>
        {
            await PhaseAsync(bench, "abuse-shipped", "shipped", AppSettings.ShippedEdgeLimits()),
            await PhaseAsync(bench, "abuse-sized", "sized for the app: " + string.Join(", ", AppSized().Select(s => $"{s.Key.Split(':')[^1]} {s.Value}")), AppSized()),
        };
        return new AbuseFigures(bench.Options.AbusiveWorkers, phases);
    }

    private static async Task<AbusePhase> PhaseAsync(BenchContext bench, string serverName, string limits, Dictionary<string, string> edge)
    {
        var options = bench.Options;
        // The upstream budgets are lifted (as in load); the edge limits are the phase's.
        await using var server = await SandboxServer.StartAsync(bench, serverName, AppSettings.With(AppSettings.Unthrottled(), edge));
        await server.Sandbox.AddFaultAsync("*", "Latency", latency: options.UpstreamLatency);
        var app = server.App;
        Task<string?> Positions(CancellationToken _) => ServerCalls.SendAsync(app, Operations.Positions);

        bench.Say($"abuse ({limits}): positions alone ({options.LoadDuration.TotalSeconds:0} s)");
        var alone = await PacedLoop.RunAsync("positions", "alone", UserPerSecond, options.LoadWarmUp, options.LoadDuration, Positions);

        bench.Say($"abuse ({limits}): positions while {options.AbusiveWorkers} abusive workers open sockets and operations");
        LoadResult? underAbuse = null;
        // The abuser's own start-up (a new process) falls in the warm-up, which is one second longer here.
        var warmUp = options.LoadWarmUp + TimeSpan.FromSeconds(1);
        var counts = await AbusiveClient.RunInChildProcessAsync(server.Process.BaseUri, options.AbusiveWorkers, warmUp + options.LoadDuration, async () =>
            underAbuse = await PacedLoop.RunAsync("positions", "under abuse", UserPerSecond, warmUp, options.LoadDuration, Positions));
        await server.Sandbox.ClearFaultsAsync();
        bench.Say($"abuse: p99 {alone.Latency.P99:0.0} ms alone, {underAbuse!.Latency.P99:0.0} ms under abuse; abuser opened {counts.SocketsOpened} sockets, sent {counts.OperationsSent} operations");
        return new AbusePhase(limits, alone, underAbuse, underAbuse.Latency.P99 / alone.Latency.P99, counts);
    }
}
