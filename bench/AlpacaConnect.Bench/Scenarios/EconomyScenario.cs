using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

public sealed record EconomyFigures(
    int RequestsPerSecond, double PlannedSeconds, OpenLoopResult Calls, int UpstreamRequests, double UpstreamPerMinute,
    int Upstream429s, IReadOnlyDictionary<string, int> UpstreamByRoute);

/// <summary>
/// Upstream economy: one user asks for <c>positions</c> at a fixed rate against the server with its shipped limits
/// (190 calls a minute per account on our side, the sandbox's 200 a minute like Alpaca's). The sandbox's request log
/// says how many requests reached the upstream and how many it refused with 429. Goal: under 200 a minute, no 429.
/// </summary>
public static class EconomyScenario
{
    public static async Task<EconomyFigures> RunAsync(BenchContext bench)
    {
        var options = bench.Options;
        await using var server = await SandboxServer.StartAsync(bench, "economy", []);
        await server.Sandbox.ClearRequestsAsync();
        bench.Say($"economy: positions at {options.EconomyPerSecond}/s for {options.EconomyDuration.TotalSeconds:0} s");
        var calls = await OpenLoop.RunAsync(options.EconomyPerSecond, options.EconomyDuration, async cancellationToken =>
        {
            var result = await server.App.ExecuteAsync(Operations.Positions, cancellationToken: cancellationToken);
            return result.Ok ? null : $"HTTP {(int)result.Status} {string.Join(',', result.ErrorCodes)}";
        });
        var upstream = (await server.Sandbox.RequestsAsync()).Where(r => !r.Path.StartsWith("/sandbox/control", StringComparison.Ordinal)).ToList();
        return new EconomyFigures(
            options.EconomyPerSecond, options.EconomyDuration.TotalSeconds, calls, upstream.Count, upstream.Count / (calls.Seconds / 60.0),
            upstream.Count(r => r.Status == 429),
            upstream.GroupBy(r => r.Route).ToDictionary(g => g.Key, g => g.Count()));
    }
}
