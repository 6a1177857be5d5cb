using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios;

public sealed record FanOutFigures(
    string Subscription, string Event, int Subscribers, int FailedToOpen, int Rounds, int Deliveries, int Missed, LatencySummary Delivery,
    long IdleResidentBytes, long SubscribedResidentBytes, long AfterRoundsResidentBytes, double BytesPerSubscriber,
    int SocketsClosedByServer, IReadOnlyList<string> Unexpected);

/// <summary>
/// Fan-out and memory: the resident size of an idle server, then with many <c>graphql-transport-ws</c> subscribers of
/// one user on loopback, and how long each event the bench causes takes to reach each of them. With
/// <c>orderUpdated</c> the event is an order fill the bench causes by moving the sandbox price through a resting limit
/// order; without it (before that subscription exists) <c>alpacaConnectionChanged</c> stands in, caused by
/// disconnecting and reconnecting the user.
/// </summary>
public static class FanOutScenario
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(20);

    public static async Task<FanOutFigures> RunAsync(BenchContext bench)
    {
        var options = bench.Options;
        await using var server = await SandboxServer.StartAsync(bench, "fanout", new()
        {
            // One user holds every subscriber, so the per-user limit (default 100) is lifted.
            ["GraphQL:WebSockets:MaxSubscriptionsPerUser"] = "100000",
        });
        var trigger = await HasOrderUpdatedAsync(server.App) ? (ITrigger)new OrderFillTrigger(server) : new ConnectionTrigger(bench, server);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = await SettledResidentAsync(server.Process);

        bench.Say($"fanout: opening {options.Subscribers} subscribers to {trigger.Subscription}");
        var jwt = bench.Tokens.For("bench-alice");
        await using var pool = new SubscriberPool();
        await pool.OpenAsync(server.Process.BaseUri, _ => jwt, options.Subscribers, trigger.Query);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var subscribed = await SettledResidentAsync(server.Process);

        // A first round that is not counted: it proves the subscriptions are live before anything is timed.
        var warm = await trigger.RoundAsync(pool, RoundTimeout);
        bench.Say($"fanout: warm-up round reached {warm.Delays.Count} of {pool.Count}");
        var delays = new List<double>();
        var missed = 0;
        for (var round = 0; round < options.FanOutRounds; round++)
        {
            var (d, m) = await trigger.RoundAsync(pool, RoundTimeout);
            delays.AddRange(d);
            missed += m;
        }

        var after = server.Process.ResidentBytes();
        bench.Say($"fanout: {delays.Count} deliveries, {missed} missed");
        return new FanOutFigures(
            trigger.Subscription, trigger.Event, pool.Count, pool.FailedToOpen, options.FanOutRounds, delays.Count, missed, LatencySummary.FromMilliseconds(delays),
            idle, subscribed, after, (subscribed - idle) / (double)pool.Count, pool.Closed, [.. pool.Unexpected]);
    }

    public static async Task<bool> HasOrderUpdatedAsync(GraphQLClient app)
    {
        var data = await app.RequireAsync(Operations.SubscriptionFields);
        return data.GetProperty("__type").GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("name").GetString() == "orderUpdated");
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

    private interface ITrigger
    {
        string Subscription { get; }

        string Event { get; }

        string Query { get; }

        Task<(List<double> Delays, int Missed)> RoundAsync(SubscriberPool pool, TimeSpan timeout);
    }

    /// <summary>A resting limit buy, then the price moved through it: the FILL is the event; its cause is the price move.</summary>
    private sealed class OrderFillTrigger(SandboxServer server) : ITrigger
    {
        private const decimal Limit = 0.30m;

        public string Subscription => "orderUpdated";

        public string Event => "FILL of a resting limit order, caused by a sandbox price move";

        public string Query => Operations.OrderUpdated;

        public async Task<(List<double> Delays, int Missed)> RoundAsync(SubscriberPool pool, TimeSpan timeout)
        {
            await server.Sandbox.SetPriceAsync(Operations.Symbol, Operations.SymbolPrice);
            var placed = await server.App.RequireAsync(Operations.PlaceOrder, Operations.LimitBuy(Operations.NewKey("fanout"), Limit));
            var orderId = placed.GetProperty("placeOrder").GetProperty("order").GetProperty("id").GetString();
            // Past the sandbox's fill delay, so the price move fills it at once.
            await Task.Delay(300);
            return await pool.RoundAsync(
                data => data.GetProperty("orderUpdated") is var update && update.GetProperty("order").GetProperty("id").GetString() == orderId
                    && update.GetProperty("order").GetProperty("status").GetString() == "FILLED",
                () => server.Sandbox.SetPriceAsync(Operations.Symbol, Limit - 0.01m),
                timeout);
        }
    }

    /// <summary>Stand-in until orderUpdated exists: disconnect and reconnect the user; each announces the new status.</summary>
    private sealed class ConnectionTrigger(BenchContext bench, SandboxServer server) : ITrigger
    {
        private bool _connected = true;

        public string Subscription => "alpacaConnectionChanged (stand-in: orderUpdated is not in the schema)";

        public string Event => "the user's connection status change, caused by disconnectAlpaca / completeAlpacaConnection";

        public string Query => Operations.ConnectionChanged;

        public async Task<(List<double> Delays, int Missed)> RoundAsync(SubscriberPool pool, TimeSpan timeout)
        {
            var expected = _connected ? "NOT_CONNECTED" : "CONNECTED";
            Func<Task> cause = _connected
                ? () => Connector.DisconnectAsync(server.App)
                : await CompletionAsync();
            _connected = !_connected;
            return await pool.RoundAsync(
                data => data.GetProperty("alpacaConnectionChanged").GetProperty("status").GetString() == expected, cause, timeout);
        }

        /// <summary>The consent happens before the stamp; only the app's completion call is the cause.</summary>
        private async Task<Func<Task>> CompletionAsync()
        {
            var code = await Connector.ApproveAsync(bench.Http, server.App, "alice", AppSettings.ReturnTo);
            return () => Connector.CompleteAsync(server.App, code);
        }
    }
}
