using System.Globalization;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Activities;
using AlpacaConnect.Sandbox.Faults;
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
