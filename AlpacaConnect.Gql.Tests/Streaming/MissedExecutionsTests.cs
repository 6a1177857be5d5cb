using System.Globalization;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Activities;
using AlpacaConnect.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static AlpacaConnect.Gql.Tests.Streaming.StreamDriver;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// Executions that happen while the trade_updates stream is down reach <c>orderUpdated</c> after reconciliation as
/// events of their own, from Alpaca's FILL account activities (issue 14: "partial fills arrive as separate events with
/// their fill details, by stream and by reconciliation").
/// </summary>
public sealed class MissedExecutionsTests(ITestOutputHelper output)
{
    private const string WithExecutions = """
        subscription($orderId: ID) {
          orderUpdated(orderId: $orderId) {
            id event order { id status filledQty filledAvgPrice } execution { id price qty positionQty }
          }
        }
        """;

    [Fact]
    public async Task PartialFillsMissedWhileTheStreamIsDownArriveOneEventPerExecutionAfterReconciliation()
    {
        await using var driver = PartiallyFilling();
        var (socket, id, alpacaId) = await PlaceHundredAsync(driver);

        await TakeTheStreamDownAsync(driver);
        var executions = FillInSteps(driver, alpacaId);
        driver.Host.Control.ClearFaults();
        var updates = await UpdatesUntilAsync(socket, Is(id, "FILL"));

        // 100 shares in fills of at most 90% of what is left: at least three executions.
        Assert.True(executions.Count >= 3, $"several executions: {executions.Count}");
        var fills = updates.Where(u => EventOf(u) is "PARTIAL_FILL" or "FILL").ToList();
        Assert.Equal([.. Enumerable.Repeat("PARTIAL_FILL", executions.Count - 1), "FILL"], fills.Select(EventOf));
        var notional = 0m;
        for (var i = 0; i < executions.Count; i++)
        {
            var (update, expected) = (fills[i], executions[i]);
            notional += expected.Price * expected.Qty;
            Assert.Equal(expected.Id, update.GetProperty("execution").GetProperty("id").GetString());
            Assert.Equal(expected.Price, Execution(update, "price"));
            Assert.Equal(expected.Qty, Execution(update, "qty"));
            Assert.Equal(JsonValueKind.Null, update.GetProperty("execution").GetProperty("positionQty").ValueKind);
            Assert.Equal(expected.CumQty, OrderField(update, "filledQty"));
            Assert.Equal(Math.Round(notional / expected.CumQty, 9), Math.Round(OrderField(update, "filledAvgPrice"), 9));
        }

        Assert.Equal("FILLED", StatusOf(fills[^1]));
        Assert.Equal(100m, OrderField(fills[^1], "filledQty"));
        var atAlpaca = await driver.Orders.SandboxOrderAsync(alpacaId.ToString());
        Assert.Equal(Dec(atAlpaca.GetProperty("filled_avg_price")), OrderField(fills[^1], "filledAvgPrice"));
    }

    [Fact]
    public async Task PartialFillsTheStreamSawAreNotRepeatedWhenReconciliationRecordsTheRest()
    {
        await using var driver = PartiallyFilling();
        var (socket, id, alpacaId) = await PlaceHundredAsync(driver);
        // 100 shares: the first two executions are partial (at most 90, then at most 9), the stream sees both.
        var updates = new List<JsonElement>();
        for (var seen = 0; seen < 2; seen++)
        {
            driver.Host.Control.SetPrice("AAPL", 55m + seen);
            driver.Host.Control.ProcessNow();
            updates.AddRange(await UpdatesUntilAsync(socket, Is(id, "PARTIAL_FILL")));
        }

        await TakeTheStreamDownAsync(driver);
        var executions = FillInSteps(driver, alpacaId, price: 60m);
        driver.Host.Control.ClearFaults();
        updates.AddRange(await UpdatesUntilAsync(socket, Is(id, "FILL")));

        var fills = updates.Where(u => EventOf(u) is "PARTIAL_FILL" or "FILL").ToList();
        Assert.Equal(executions.Count, fills.Count);
        // The stream's events carry Alpaca's execution ids and the position; the others the activities' ids.
        Assert.Equal(executions.Take(2).Select(e => e.ExecutionId.ToString()), fills.Take(2).Select(u => u.GetProperty("execution").GetProperty("id").GetString()));
        Assert.All(fills.Take(2), u => Assert.Equal(JsonValueKind.String, u.GetProperty("execution").GetProperty("positionQty").ValueKind));
        Assert.Equal(executions.Skip(2).Select(e => e.Id), fills.Skip(2).Select(u => u.GetProperty("execution").GetProperty("id").GetString()));
        Assert.Equal(executions.Select(e => e.CumQty), fills.Select(u => OrderField(u, "filledQty")));
        Assert.Equal(100m, fills.Sum(u => Execution(u, "qty")));
        Assert.Equal("FILL", EventOf(fills[^1]));
    }

    [Fact]
    public async Task AMissedFillWhoseActivitiesCannotBeReadArrivesAsOneEventWithoutExecution()
    {
        await using var driver = PartiallyFilling();
        var (socket, id, alpacaId) = await PlaceHundredAsync(driver);

        await TakeTheStreamDownAsync(driver);
        FillInSteps(driver, alpacaId);
        driver.Host.Control.AddFault(new FaultRule { Route = "GET /v2/account/activities/{activityType}", Kind = FaultKind.ServerError, Count = null });
        driver.Host.Control.ClearFaults("GET /stream");
        driver.Host.Control.ClearFaults("GET /v2/orders");
        var updates = await UpdatesUntilAsync(socket, Is(id, "FILL"));

        var fills = updates.Where(u => EventOf(u) is "PARTIAL_FILL" or "FILL").ToList();
        var fill = Assert.Single(fills);
        Assert.Equal(100m, OrderField(fill, "filledQty"));
        Assert.Equal(JsonValueKind.Null, fill.GetProperty("execution").ValueKind);
    }

    /// <summary>
    /// The reads of a reconciliation pass come before its writes: the fill activities of orders that filled further
    /// may spend what is left of the stream's share, and must not leave the pass unable to list the orders it has not
    /// reached (which left them NEW, pass after pass, in the chaos soak).
    /// </summary>
    [Fact]
    public async Task AReconciliationWhoseFillReadsSpendTheStreamsShareStillSettlesEveryOrderItListed()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
        // The share holds the handshake, the two lists and one fill read.
        await using var driver = new StreamDriver(host => host
            .WithSetting("Sandbox:Market:PartialFillProbability", "1")
            .WithSetting("Streaming:RequestBudget", "4")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)), output);
        await driver.Orders.ConnectAsync();
        driver.Host.Control.SetPrice("MSFT", 100m);
        driver.Host.Control.SetPrice("AAPL", 50m);
        var socket = await driver.SubscribeAsync("app-alice");
        await driver.Orders.PlaceAsync(OrderDriver.LimitBuy("rest-1", "10", "90", "MSFT"));
        await driver.Orders.PlaceAsync(OrderDriver.LimitBuy("rest-2", "10", "90", "MSFT"));
        var filled = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("fill-1", qty: "100")));
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        // While the stream is down both resting orders fill in part (they stay open) and the market order fills whole.
        await TakeTheStreamDownAsync(driver);
        driver.Host.Control.SetPrice("MSFT", 85m);
        driver.Host.Control.ProcessNow();
        driver.Host.Control.SetPrice("MSFT", 100m);
        FillInSteps(driver, Guid.Parse(filled.GetProperty("alpacaOrderId").GetString()!));
        // A minute on the stream's share is whole again; the worker, waiting on the clock, reconnects and reconciles.
        await Eventually.HoldsAsync(() => driver.Supervisor.AccountsBackingOff == 1, "the worker waits to reconnect");
        driver.Host.Control.ClearFaults();
        time.Advance(TimeSpan.FromMinutes(2));

        var updates = await UpdatesUntilAsync(socket, Is(filled.GetProperty("id").GetString()!, "FILL"));

        Assert.Equal("FILLED", StatusOf(updates[^1]));
        Assert.Equal(100m, OrderField(updates[^1], "filledQty"));
    }

    [Fact]
    public async Task BeyondThePassesFillReadsAnOrderSettlesWithOneEventOfItsReportedFill()
    {
        await using var driver = new StreamDriver(host => host
            .WithSetting("Sandbox:Market:PartialFillProbability", "1")
            .WithSetting("Orders:MaxFillReadsPerPass", "1"), output);
        await driver.Orders.ConnectAsync();
        driver.Host.Control.SetPrice("AAPL", 50m);
        var socket = await driver.SubscribeAsync("app-alice", query: WithExecutions);
        var placed = new[]
        {
            OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("buy-a", qty: "100"))),
            OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("buy-b", qty: "100"))),
        };
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        await TakeTheStreamDownAsync(driver);
        foreach (var order in placed)
        {
            FillInSteps(driver, Guid.Parse(order.GetProperty("alpacaOrderId").GetString()!));
        }

        driver.Host.Control.ClearFaults();
        var ids = placed.Select(o => o.GetProperty("id").GetString()!).ToList();
        var updates = new List<JsonElement>();
        while (ids.Any(id => !updates.Any(Is(id, "FILL"))))
        {
            updates.AddRange(await UpdatesUntilAsync(socket, u => EventOf(u) == "FILL"));
        }

        var fillsOf = ids.Select(id => updates.Where(u => u.GetProperty("order").GetProperty("id").GetString() == id && EventOf(u) is "PARTIAL_FILL" or "FILL").ToList()).ToList();
        // One order's executions were read (several events, each with its execution); the other's were not (one FILL).
        Assert.Single(fillsOf, f => f.Count > 1 && f.All(u => u.GetProperty("execution").ValueKind == JsonValueKind.Object));
        var unread = Assert.Single(fillsOf, f => f.Count == 1);
        Assert.Equal(JsonValueKind.Null, unread[0].GetProperty("execution").ValueKind);
        Assert.All(fillsOf, f => Assert.Equal(100m, OrderField(f[^1], "filledQty")));
    }

    [Fact]
    public async Task FillReadsLeaveTheStreamsReserveSoItsNextHandshakeIsNotRefused()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
        // A share of 12 keeps 3 for handshakes and lists: the pass after the reconnect (a handshake, two lists) may read
        // the fills of 6 of the 10 orders, not of 9 (which spent the whole share before).
        await using var driver = new StreamDriver(host => host
            .WithSetting("Streaming:RequestBudget", "12")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)), output);
        await driver.Orders.ConnectAsync();
        driver.Host.Control.SetPrice("AAPL", 50m);
        var socket = await driver.SubscribeAsync("app-alice");
        var placed = new List<JsonElement>();
        for (var i = 0; i < 10; i++)
        {
            placed.Add(OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy($"buy-{i}", qty: "10"))));
        }

        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        await TakeTheStreamDownAsync(driver);
        driver.Host.Control.ProcessNow();
        await Eventually.HoldsAsync(() => driver.Supervisor.AccountsBackingOff == 1, "the worker waits to reconnect");
        driver.Host.Control.ClearFaults();
        time.Advance(TimeSpan.FromMinutes(2)); // the share is whole again
        var ids = placed.Select(o => o.GetProperty("id").GetString()!).ToList();
        var updates = new List<JsonElement>();
        while (ids.Any(id => !updates.Any(Is(id, "FILL"))))
        {
            updates.AddRange(await UpdatesUntilAsync(socket, u => EventOf(u) == "FILL"));
        }

        // Dropped again within the same minute: the handshake and the lists after it must still fit in the share.
        driver.Host.Control.DropStreams();
        await Eventually.HoldsAsync(() => driver.Supervisor.AccountsBackingOff == 1, "the worker waits to reconnect");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening again");

        Assert.DoesNotContain("share of this account's Alpaca calls", driver.LogText, StringComparison.Ordinal);
    }

    private StreamDriver PartiallyFilling() =>
        new(host => host.WithSetting("Sandbox:Market:PartialFillProbability", "1"), output);

    /// <summary>A market buy of 100 AAPL at $50 (under the per-order notional cap), with the account's stream listening.</summary>
    private static async Task<(GraphQLSocket Socket, string Id, Guid AlpacaId)> PlaceHundredAsync(StreamDriver driver)
    {
        await driver.Orders.ConnectAsync();
        driver.Host.Control.SetPrice("AAPL", 50m);
        var socket = await driver.SubscribeAsync("app-alice", query: WithExecutions);
        var order = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("buy-100", qty: "100")));
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        return (socket, order.GetProperty("id").GetString()!, Guid.Parse(order.GetProperty("alpacaOrderId").GetString()!));
    }

    /// <summary>The stream dropped and refused, and the order lists refused, so no reconciliation sees a fill in between.</summary>
    private static async Task TakeTheStreamDownAsync(StreamDriver driver)
    {
        driver.Host.Control.AddFault(new FaultRule { Route = "GET /stream", Kind = FaultKind.ServerError, Status = 503, Count = null });
        driver.Host.Control.AddFault(new FaultRule { Route = "GET /v2/orders", Kind = FaultKind.ServerError, Status = 503, Count = null });
        driver.Host.Control.DropStreams();
        await Eventually.HoldsAsync(() => driver.Host.Control.OpenStreams == 0, "the account's stream is down");
    }

    /// <summary>Fills the order one execution per pass, each at its own price, until it is filled; returns its executions.</summary>
    private static IReadOnlyList<SandboxFillActivity> FillInSteps(StreamDriver driver, Guid alpacaId, decimal price = 50m)
    {
        for (var step = 0; step < 100 && !(driver.Host.Control.Executions(alpacaId) is [.., { Completes: true }]); step++)
        {
            driver.Host.Control.SetPrice("AAPL", price + step);
            driver.Host.Control.ProcessNow();
        }

        return driver.Host.Control.Executions(alpacaId);
    }

    private static decimal Execution(JsonElement update, string field) => Dec(update.GetProperty("execution").GetProperty(field));

    private static decimal OrderField(JsonElement update, string field) => Dec(update.GetProperty("order").GetProperty(field));

    private static decimal Dec(JsonElement value) => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
