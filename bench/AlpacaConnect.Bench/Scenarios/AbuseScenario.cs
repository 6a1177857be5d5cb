using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

public sealed record AbuseFigures(int AbusiveWorkers, LoadResult Alone, LoadResult UnderAbuse, double RatioP99, AbuseCounts Abuse);

/// <summary>
/// A well-behaved user's <c>positions</c> latency alone, then while one abusive client (another address) opens sockets
/// and sends operations as fast as it can, on one server with the shipped edge limits. The user's own loop is closed
/// and single: one request at a time, as an app refreshing a screen.
/// </summary>
public static class AbuseScenario
{
    public const string Name = "abuse";

    public static async Task<AbuseFigures> RunAsync(BenchContext bench)
    {
        var options = bench.Options;
        // Only the upstream budgets are lifted (as in load); every edge limit is as shipped.
        await using var server = await SandboxServer.StartAsync(bench, Name, AppSettings.Unthrottled());
        await server.Sandbox.AddFaultAsync("*", "Latency", latency: options.UpstreamLatency);
        var app = server.App;
        Task<string?> Positions(CancellationToken _) => ServerCalls.SendAsync(app, Operations.Positions);

        bench.Say($"abuse: positions alone ({options.LoadDuration.TotalSeconds:0} s)");
        var alone = await ClosedLoop.RunAsync("positions", "alone", 1, options.LoadWarmUp, options.LoadDuration, Positions);

        bench.Say($"abuse: positions while {options.AbusiveWorkers} abusive workers open sockets and operations");
        await using var abuser = new AbusiveClient();
        abuser.Start(server.Process.BaseUri, options.AbusiveWorkers);
        var underAbuse = await ClosedLoop.RunAsync("positions", "under abuse", 1, options.LoadWarmUp, options.LoadDuration, Positions);
        var counts = await abuser.StopAsync();
        await server.Sandbox.ClearFaultsAsync();
        bench.Say($"abuse: p99 {alone.Latency.P99:0.0} ms alone, {underAbuse.Latency.P99:0.0} ms under abuse; abuser opened {counts.SocketsOpened} sockets, sent {counts.OperationsSent} operations");
        return new AbuseFigures(options.AbusiveWorkers, alone, underAbuse, underAbuse.Latency.P99 / alone.Latency.P99, counts);
    }
}
