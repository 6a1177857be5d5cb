using System.Globalization;
using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>The mobile app's own client library, <c>graphql-ws</c> 6.4.2 on Node, following an order from placement to fill.</summary>
public sealed class GraphQLWsOrderUpdatesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheGraphQLWsClientReceivesEveryTransitionOfAnOrderPlacedOverHttpThenCompletes()
    {
        // The sandbox fills only when told (its fill delay is ten minutes), after the order's NEW is recorded: a fill
        // 50 ms after acceptance could overtake the POST's answer on a busy machine and leave FILL alone.
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var token = driver.Host.TokenFor("app-alice");

        var client = NodeScript.RunAsync("order-updates-client.mjs", [GraphQLSocket.WebSocketUrl(driver.Host.BaseUri).ToString(), token]);
        await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached("app-alice") || client.IsCompleted, "the client's subscription is live");
        var placed = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("ws-client-buy", qty: "2")));
        driver.Host.Control.ProcessNow();
        var outcome = await client;

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var line = outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        var result = JsonDocument.Parse(line["RESULT ".Length..]).RootElement;
        var updates = result.GetProperty("updates").EnumerateArray().ToList();

        Assert.Equal("client", result.GetProperty("completedBy").GetString());
        Assert.All(updates, u =>
        {
            var order = u.GetProperty("order");
            Assert.Equal(placed.GetProperty("id").GetString(), order.GetProperty("id").GetString());
            Assert.Equal(placed.GetProperty("alpacaOrderId").GetString(), order.GetProperty("alpacaOrderId").GetString());
            Assert.Equal("AAPL", order.GetProperty("symbol").GetString());
            Assert.Equal("BUY", order.GetProperty("side").GetString());
            Assert.Equal("2", order.GetProperty("qty").GetString());
            Assert.True(DateTimeOffset.TryParse(u.GetProperty("occurredAt").GetString(), CultureInfo.InvariantCulture, out _));
        });
        // Every transition, in order, each once: NEW (the sandbox activates a market order while answering the POST,
        // so the answer and the stream's `new` report the same state, recorded once), then the fill.
        var sandboxOrder = await driver.Orders.SandboxOrderAsync(placed.GetProperty("alpacaOrderId").GetString()!);
        Assert.Equal("filled", sandboxOrder.GetProperty("status").GetString());
        Assert.Equal(["NEW", "FILL"], updates.Select(u => u.GetProperty("event").GetString()));
        Assert.Equal(["NEW", "FILLED"], updates.Select(u => u.GetProperty("order").GetProperty("status").GetString()));
        Assert.Equal(["0", "2"], updates.Select(u => u.GetProperty("order").GetProperty("filledQty").GetString()));
        Assert.Equal(sandboxOrder.GetProperty("filled_avg_price").GetString(), updates[^1].GetProperty("order").GetProperty("filledAvgPrice").GetString());
        var ids = updates.Select(u => long.Parse(u.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
    }
}
