using System.Text.Json;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Bracket legs as orders of the same user and account: read from Alpaca's <c>legs</c> after placement, listed on
/// <c>Order.legs</c>, and updated from the stream like any order (activation on the entry's fill, the sibling's cancel
/// when one exit fills).
/// </summary>
public sealed class OrderLegsTests : IDisposable
{
    private const string ReadLegs = """
        query($id: ID!) {
          order(id: $id) { id orderClass parentOrderId legs { id alpacaOrderId parentOrderId orderClass side type status limitPrice stopPrice legs { id } } }
        }
        """;

    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    private async Task<JsonElement> ReadAsync(string id)
    {
        var response = await _driver.GraphQLAsync("app-alice", ReadLegs, new { id });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("order");
    }

    private async Task<string> PlaceBracketAsync(string key)
    {
        await _driver.ConnectAsync();
        var placed = await _driver.PlaceAsync(new
        {
            idempotencyKey = key, symbol = "AAPL", side = "BUY", type = "MARKET", timeInForce = "GTC", qty = "2", orderClass = "BRACKET",
            takeProfit = new { limitPrice = "200" }, stopLoss = new { stopPrice = "170" },
        });
        Assert.Empty(OrderDriver.Codes(placed));
        return OrderDriver.Order(placed).Str("id");
    }

    [Fact]
    public async Task ABracketsLegsAreOrdersOfTheSameAccountListedUnderTheEntry()
    {
        var id = await PlaceBracketAsync("bracket-legs-1");

        var order = await ReadAsync(id);

        var legs = order.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(("BRACKET", JsonValueKind.Null), (order.Str("orderClass"), order.GetProperty("parentOrderId").ValueKind));
        Assert.Equal([("LIMIT", "200", "HELD"), ("STOP", "170", "HELD")],
            legs.Select(l => (l.Str("type"), l.Str("type") == "LIMIT" ? l.Str("limitPrice") : l.Str("stopPrice"), l.Str("status"))).ToList());
        Assert.All(legs, l => Assert.Equal((id, "SELL", "BRACKET", 0), (l.Str("parentOrderId"), l.Str("side"), l.Str("orderClass"), l.GetProperty("legs").GetArrayLength())));
        var held = await _driver.SandboxOrderAsync((await _driver.SandboxOrdersAsync()).Single(o => o.Str("order_class") == "bracket" && o.GetProperty("legs").ValueKind == JsonValueKind.Null && o.Str("type") == "market").Str("id"));
        Assert.Equal(held.GetProperty("legs").EnumerateArray().Select(l => l.Str("id")).Order(), legs.Select(l => l.Str("alpacaOrderId")).Order());
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task TheLegsActivateWhenTheEntryFillsAndOneExitFillingCancelsTheOther()
    {
        var id = await PlaceBracketAsync("bracket-legs-2");
        var legs = (await ReadAsync(id)).GetProperty("legs").EnumerateArray().ToList();
        var takeProfit = legs.Single(l => l.Str("type") == "LIMIT").Str("id");
        var stopLoss = legs.Single(l => l.Str("type") == "STOP").Str("id");

        _driver.Host.Control.ProcessNow();
        await PipelineQueries.EventuallyAsync(_driver, id, "FILLED");
        await PipelineQueries.EventuallyAsync(_driver, takeProfit, "NEW");
        _driver.Host.Control.SetPrice("AAPL", 205m);
        _driver.Host.Control.ProcessNow();

        await PipelineQueries.EventuallyAsync(_driver, takeProfit, "FILLED");
        await PipelineQueries.EventuallyAsync(_driver, stopLoss, "CANCELED");
        var events = await _driver.GraphQLAsync("app-alice", "{ orderEvents(first: 100) { updates { event order { id } } } }");
        Assert.True(events.Errors.Count == 0, events.Raw);
        var legEvents = events.Data.GetProperty("orderEvents").GetProperty("updates").EnumerateArray()
            .Where(u => u.GetProperty("order").Str("id") == takeProfit).Select(u => u.Str("event")).ToList();
        Assert.Contains("FILL", legEvents);
    }
}
