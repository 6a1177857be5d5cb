using System.Diagnostics;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

public sealed record StormFigures(
    int Calls, int Succeeded, IReadOnlyDictionary<string, int> Failures, LatencySummary Latency, double Seconds,
    TimeSpan TokenLifetime, TimeSpan RefreshSkew, int RefreshRequests, int LaterRefreshRequests, int Upstream401s, int UpstreamOrderPosts);

/// <summary>
/// Token refresh storm: the sandbox issues tokens that expire (<c>Sandbox:Tokens:ExpiresIn</c>), the server refreshes
/// them <c>Alpaca:TokenRefreshSkew</c> ahead of expiry. Once the linked user's token is inside that window, many
/// <c>placeOrder</c> calls start at once; each needs the token for its own upstream POST. The sandbox's request log
/// counts the refresh grants the server asked for (goal: one) and any 401 (goal: none). A refreshed token is itself
/// due again (lifetime − skew) later; refreshes after that, if the burst lasts so long, are counted apart.
/// </summary>
public static class StormScenario
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(45);

    public static async Task<StormFigures> RunAsync(BenchContext bench)
    {
        var settings = AppSettings.With(AppSettings.Unthrottled(), new()
        {
            ["Sandbox:Tokens:ExpiresIn"] = Lifetime.ToString(),
            ["Alpaca:TokenRefreshSkew"] = Skew.ToString(),
        });
        await using var server = await SandboxServer.StartAsync(bench, "storm", settings);
        // The token was issued during the connect that just finished; it needs refreshing from (lifetime - skew) on,
        // and a refreshed one is good for as long again, which the storm fits in.
        var wait = Lifetime - Skew + TimeSpan.FromSeconds(1);
        bench.Say($"storm: waiting {wait.TotalSeconds:0} s until the token is within the refresh skew");
        await Task.Delay(wait);
        await server.Sandbox.ClearRequestsAsync();

        var calls = bench.Options.StormCalls;
        bench.Say($"storm: {calls} placeOrder calls at once");
        var clock = Stopwatch.StartNew();
        var dueAgain = TimeProvider.System.GetUtcNow() + (Lifetime - Skew);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            await Task.Yield();
            var start = Stopwatch.GetTimestamp();
            try
            {
                var result = await server.App.ExecuteAsync(Operations.PlaceOrder, Operations.MarketBuy(Operations.NewKey("storm")));
                var errors = result.Ok ? result.PayloadErrors("placeOrder") : result.ErrorCodes;
                return (Failure: errors.Count == 0 ? null : string.Join(',', errors), Ms: LatencySummary.Milliseconds(start, Stopwatch.GetTimestamp()));
            }
            catch (HttpRequestException e)
            {
                return (Failure: e.GetType().Name, Ms: 0.0);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var log = await server.Sandbox.RequestsAsync();
        return new StormFigures(
            calls,
            outcomes.Count(o => o.Failure is null),
            outcomes.Where(o => o.Failure is not null).GroupBy(o => o.Failure!).ToDictionary(g => g.Key, g => g.Count()),
            LatencySummary.FromMilliseconds(outcomes.Where(o => o.Failure is null).Select(o => o.Ms).ToList()),
            seconds, Lifetime, Skew,
            log.Count(r => r.Route == "POST /oauth/token" && r.At < dueAgain),
            log.Count(r => r.Route == "POST /oauth/token" && r.At >= dueAgain),
            log.Count(r => r.Status == 401),
            log.Count(r => r.Route == "POST /v2/orders"));
    }
}
