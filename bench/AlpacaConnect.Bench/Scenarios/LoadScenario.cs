using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

/// <summary>The server's cost over a call straight to its upstream, at one percentile.</summary>
public sealed record AddedLatency(string Operation, string DirectCall, double ServerP50, double DirectP50, double AddedP50, double RatioP50, double ServerP99, double DirectP99, double AddedP99, double RatioP99);

public sealed record LoadFigures(TimeSpan UpstreamLatency, IReadOnlyList<LoadResult> Targets, IReadOnlyList<AddedLatency> Added);

/// <summary>
/// Throughput and latency of four GraphQL operations against the server in Sandbox mode, and of the matching sandbox
/// REST calls made directly with a sandbox token, in the same run and process, with the same fixed latency added by a
/// sandbox fault rule to every sandbox request. Both budgets are lifted: the figures are about cost, not about limits.
/// </summary>
public static class LoadScenario
{
    public static async Task<LoadFigures> RunAsync(BenchContext bench)
    {
        var options = bench.Options;
        await using var server = await SandboxServer.StartAsync(bench, "load", AppSettings.Unthrottled());
        await SeedAsync(bench, server);
        await server.Sandbox.AddFaultAsync("*", "Latency", latency: options.UpstreamLatency);

        var results = new List<LoadResult>();
        async Task<LoadResult> Measure(string target, string via, Func<CancellationToken, Task<string?>> call)
        {
            bench.Say($"load: {target} via {via} ({options.LoadConcurrency} concurrent, {options.LoadDuration.TotalSeconds:0} s)");
            var result = await ClosedLoop.RunAsync(target, via, options.LoadConcurrency, options.LoadWarmUp, options.LoadDuration, call);
            results.Add(result);
            return result;
        }

        var app = server.App;
        var direct = new DirectCalls(bench.Http, server.Sandbox, server.SandboxToken);
        await Measure("{ __typename }", "server", _ => ServerCalls.SendAsync(app, Operations.Typename));

        var added = new List<AddedLatency>();
        async Task Pair(string operation, string query, Func<object?> variables, string directCall, Func<CancellationToken, Task<string?>> directly)
        {
            var d = await Measure(directCall, "sandbox directly", directly);
            var s = await Measure(operation, "server", _ => ServerCalls.SendAsync(app, query, variables(), operation == "placeOrder" ? "placeOrder" : null));
            added.Add(new AddedLatency(
                operation, directCall,
                s.Latency.P50, d.Latency.P50, s.Latency.P50 - d.Latency.P50, s.Latency.P50 / d.Latency.P50,
                s.Latency.P99, d.Latency.P99, s.Latency.P99 - d.Latency.P99, s.Latency.P99 / d.Latency.P99));
        }

        await Pair("positions", Operations.Positions, () => null, "GET /v2/positions", direct.PositionsAsync);
        await Pair("orders(first: 50)", Operations.Orders, () => null, "GET /v2/orders?status=all&limit=50", direct.OrdersAsync);
        await Pair("placeOrder", Operations.PlaceOrder, () => Operations.MarketBuy(Operations.NewKey("load")), "POST /v2/orders", direct.PlaceOrderAsync);
        await server.Sandbox.ClearFaultsAsync();
        return new LoadFigures(options.UpstreamLatency, results, added);
    }

    /// <summary>A few positions and more than a page of orders, so the reads return realistic bodies on both paths.</summary>
    private static async Task SeedAsync(BenchContext bench, SandboxServer server)
    {
        foreach (var symbol in new[] { "AAPL", "MSFT", "TSLA", "SPY" })
        {
            await PlaceAsync(server.App, Operations.MarketBuy(Operations.NewKey("seed"), symbol));
        }

        for (var i = 0; i < 56; i++)
        {
            await PlaceAsync(server.App, Operations.MarketBuy(Operations.NewKey("seed")));
        }

        await Task.Delay(200);
        await server.Sandbox.ProcessNowAsync();
        bench.Say("load: seeded 60 orders and 5 positions");
    }

    private static async Task PlaceAsync(GraphQLClient app, object variables)
    {
        var result = await app.ExecuteAsync(Operations.PlaceOrder, variables);
        if (ServerCalls.Failure(result, "placeOrder") is { } failure)
        {
            throw new InvalidOperationException("Seeding failed: " + failure);
        }
    }
}
