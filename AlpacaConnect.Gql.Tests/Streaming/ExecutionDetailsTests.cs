using System.Globalization;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;
using static AlpacaConnect.Gql.Tests.Streaming.StreamDriver;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// Every execution the trade_updates stream reports reaches <c>orderUpdated</c> as an event of its own with Alpaca's
/// execution id, price, quantity and the position after it (issue 14: "every execution is an event").
/// </summary>
public sealed class ExecutionDetailsTests(ITestOutputHelper output)
{
    private const string WithExecutions = """
        subscription($orderId: ID) {
          orderUpdated(orderId: $orderId) {
            id event order { id status filledQty filledAvgPrice } execution { id price qty positionQty }
          }
        }
        """;

    [Fact]
    public async Task EachPartialFillAndTheFillArriveWithTheirOwnExecution()
    {
        await using var driver = new StreamDriver(host => host.WithSetting("Sandbox:Market:PartialFillProbability", "1"), output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice", query: WithExecutions);
        var order = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("buy-10", qty: "10")));
        var id = order.GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        var updates = new List<JsonElement>();
        while (updates.Count == 0 || !Is(id, "FILL")(updates[^1]))
        {
            driver.Host.Control.ProcessNow();
            updates.AddRange(await UpdatesUntilAsync(socket, u => EventOf(u) is "PARTIAL_FILL" or "FILL"));
        }

        var executions = updates.Where(u => EventOf(u) is "PARTIAL_FILL" or "FILL").ToList();
        Assert.True(executions.Count >= 2, $"10 shares fill in several executions: {string.Join(" | ", executions)}");
        Assert.All(updates.Where(u => EventOf(u) is not ("PARTIAL_FILL" or "FILL")), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("execution").ValueKind));
        Assert.Equal(executions.Count, executions.Select(u => u.GetProperty("execution").GetProperty("id").GetString()).Distinct().Count());

        // Each execution's own quantity adds up to the order's, and the cumulative quantity of each event is the sum of
        // the executions so far. An execution the stream reports carries the position after it, so the position before
        // the order (position - filled so far) is the same for each. A reconciliation running at the same moment (one
        // asked for by an update that raced the placement's commit) may learn an execution over REST first: then it
        // carries the fill activity's id and no position (facts-more 2), and the stream's copy is not sent twice.
        var filled = 0m;
        var positionsBefore = new List<decimal>();
        var activityIds = driver.Host.Control.Executions(Guid.Parse(order.GetProperty("alpacaOrderId").GetString()!)).Select(e => e.Id).ToHashSet();
        foreach (var update in executions)
        {
            filled += Execution(update, "qty");
            Assert.True(Execution(update, "price") > 0);
            Assert.Equal(filled, Dec(update.GetProperty("order").GetProperty("filledQty")));
            if (update.GetProperty("execution").GetProperty("positionQty").ValueKind == JsonValueKind.Null)
            {
                Assert.Contains(update.GetProperty("execution").GetProperty("id").GetString()!, activityIds);
            }
            else
            {
                positionsBefore.Add(Execution(update, "positionQty") - filled);
            }
        }

        Assert.NotEmpty(positionsBefore);
        Assert.Single(positionsBefore.Distinct());
        Assert.Equal(10m, filled);
        var atAlpaca = await driver.Orders.SandboxOrderAsync(order.GetProperty("alpacaOrderId").GetString()!);
        Assert.Equal("10", atAlpaca.GetProperty("filled_qty").GetString());
    }

    [Fact]
    public async Task AFillLearnedOverRestCarriesTheExecutionOfItsFillActivity()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var socket = await driver.SubscribeAsync("app-alice", query: WithExecutions);
        var (id, alpacaId) = await driver.BuyAsync("buy-1");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");

        driver.Host.Control.DropStreamsInsteadOf("fill");
        driver.Host.Control.ProcessNow();
        var fill = (await UpdatesUntilAsync(socket, Is(id, "FILL")))[^1];

        // The activity carries no execution id and no position (facts-more 2): the id is the activity's.
        var execution = driver.Host.Control.Executions(Guid.Parse(alpacaId)).Single();
        Assert.Equal("1", fill.GetProperty("order").GetProperty("filledQty").GetString());
        Assert.Equal(execution.Id, fill.GetProperty("execution").GetProperty("id").GetString());
        Assert.Equal(1m, Execution(fill, "qty"));
        Assert.Equal(execution.Price, Execution(fill, "price"));
        Assert.Equal(JsonValueKind.Null, fill.GetProperty("execution").GetProperty("positionQty").ValueKind);
    }

    private static decimal Execution(JsonElement update, string field) => Dec(update.GetProperty("execution").GetProperty(field));

    private static decimal Dec(JsonElement value) => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
