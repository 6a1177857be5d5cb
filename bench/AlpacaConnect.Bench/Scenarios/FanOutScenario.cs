using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

public sealed record FanOutFigures(
    string Subscription, string Event, string TimedFrom, int Subscribers, int FailedToOpen, int Rounds, int Deliveries, int Missed, LatencySummary Delivery,
    long IdleResidentBytes, long SubscribedResidentBytes, long AfterRoundsResidentBytes, double BytesPerSubscriber,
    int SocketsClosedByServer, IReadOnlyList<string> Unexpected)
{
    /// <summary>The targets: p99 ≤ 50 ms at 1,000 subscribers, ≤ 500 ms at 10,000 (scaled between).</summary>
    public double TargetP99Ms => Subscribers <= 1000 ? 50 : 500;

    public const double TargetBytesPerSubscriber = 32 * 1024;

    public const double TargetIdleResidentBytes = 150 * 1024 * 1024;
}

/// <summary>
/// Fan-out and memory: the resident size of an idle server, then with many <c>graphql-transport-ws</c> subscribers of
/// one user on loopback, and how long an order's FILL takes to reach each of them, timed from the moment the
/// sandbox handed the FILL to its trade_updates socket (so the sandbox's matching is not counted). One server per
/// size, so each starts idle; the sandbox runs apart, so the resident sizes are the server's alone.
/// </summary>
public static class FanOutScenario
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);
    private const decimal Limit = 0.30m;

    public static async Task<IReadOnlyList<FanOutFigures>> RunAsync(BenchContext bench)
    {
        var figures = new List<FanOutFigures>();
        foreach (var size in bench.Options.FanOutSizes)
        {
            figures.Add(await RunAsync(bench, size));
        }

        return figures;
    }

    public static async Task<bool> HasOrderUpdatedAsync(GraphQLClient app)
    {
        var data = await app.RequireAsync(Operations.SubscriptionFields);
        return data.GetProperty("__type").GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == "orderUpdated");
    }

    private static async Task<FanOutFigures> RunAsync(BenchContext bench, int subscribers)
    {
        await using var server = await SandboxServer.StartApartAsync(bench, $"fanout-{subscribers}", new()
        {
            // One user holds every subscriber, so the per-user limit (default 100) is lifted.
            ["GraphQL:WebSockets:MaxSubscriptionsPerUser"] = "100000",
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = await SettledResidentAsync(server.Process);

        bench.Say($"fanout: opening {subscribers} subscribers to orderUpdated");
        var jwt = bench.Tokens.For("bench-alice");
        await using var pool = new SubscriberPool();
        // A tenth first, so the cost of each further subscriber is measured apart from what the first ones cost once
        // (the subscription path's code compiled, pools and caches filled).
        var tenth = Math.Max(1, subscribers / 10);
        await pool.OpenAsync(server.Process.BaseUri, _ => jwt, tenth, Operations.OrderUpdated);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var someSubscribed = await SettledResidentAsync(server.Process);
        await pool.OpenAsync(server.Process.BaseUri, _ => jwt, subscribers - tenth, Operations.OrderUpdated);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var subscribed = await SettledResidentAsync(server.Process);

        // Rounds that are not counted: the first proves the subscriptions are live before anything is timed, and the
        // rest run until the warm-up time is over, so the delivery path is measured compiled as a warm server runs it.
        var warmUp = bench.Options.Quick ? TimeSpan.FromSeconds(1) : bench.Options.FanOutWarmUp;
        var warming = System.Diagnostics.Stopwatch.StartNew();
        var warm = await RoundAsync(server, pool);
        var warmRounds = 1;
        bench.Say($"fanout: first warm-up round reached {warm.Delays.Count} of {pool.Count}");
        while (warming.Elapsed < warmUp)
        {
            await RoundAsync(server, pool);
            warmRounds++;
        }

        bench.Say($"fanout: {warmRounds} warm-up rounds in {warmUp.TotalSeconds:0} s");
        var delays = new List<double>();
        var missed = 0;
        for (var round = 0; round < bench.Options.FanOutRounds; round++)
        {
            var (d, m) = await RoundAsync(server, pool);
            delays.AddRange(d);
            missed += m;
        }

        var after = server.Process.ResidentBytes();
        bench.Say($"fanout: {delays.Count} deliveries, {missed} missed");
        return new FanOutFigures(
            "orderUpdated", "FILL of a resting limit order, caused by a sandbox price move",
            "the sandbox handing the FILL to its trade_updates socket", pool.Count, pool.FailedToOpen, bench.Options.FanOutRounds, delays.Count, missed,
            LatencySummary.FromMilliseconds(delays), idle, subscribed, after, (subscribed - someSubscribed) / (double)(subscribers - tenth), pool.Closed, [.. pool.Unexpected]);
    }

    /// <summary>A resting limit buy, then the price moved through it: the FILL is the event.</summary>
    private static async Task<(List<double> Delays, int Missed)> RoundAsync(SandboxServer server, SubscriberPool pool)
    {
        await server.Sandbox.SetPriceAsync(Operations.Symbol, Operations.SymbolPrice);
        var placed = await server.App.RequireAsync(Operations.PlaceOrder, Operations.LimitBuy(Operations.NewKey("fanout"), Limit));
        var order = placed.GetProperty("placeOrder").GetProperty("order");
        var orderId = order.GetProperty("id").GetString();
        var clientOrderId = order.GetProperty("clientOrderId").GetString()!;
        // Past the sandbox's fill delay, so the price move fills it at once.
        await Task.Delay(300);
        return await pool.RoundAsync(
            data => data.GetProperty("orderUpdated") is var update && update.GetProperty("order").GetProperty("id").GetString() == orderId
                && update.GetProperty("order").GetProperty("status").GetString() == "FILLED",
            () => server.Sandbox.SetPriceAsync(Operations.Symbol, Limit - 0.01m),
            RoundTimeout,
            () => server.Sandbox.EmittedAtAsync(clientOrderId, "fill"));
    }

    /// <summary>The median of three readings half a second apart, so a GC in progress does not decide the figure.</summary>
    private static async Task<long> SettledResidentAsync(AppProcess process)
    {
        var readings = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(500);
            readings.Add(process.ResidentBytes());
        }

        return readings.Order().ElementAt(1);
    }
}
