using System.Text.Json;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>Every order type and class goes through placeOrder and reaches Alpaca (the sandbox) with its fields.</summary>
public sealed class PlaceOrderTypeTests : IDisposable
{
    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    /// <summary>Places the order, asserts it was accepted, and returns the sandbox's copy (with legs).</summary>
    private async Task<JsonElement> PlacedAsync(object input)
    {
        var payload = await _driver.PlaceAsync(input);
        Assert.True(OrderDriver.Codes(payload).Count == 0, payload.ToString());
        return await _driver.SandboxOrderAsync(OrderDriver.Order(payload).GetProperty("alpacaOrderId").GetString()!);
    }

    private static Dictionary<string, object?> Order(string key, string type, object fields) =>
        new Dictionary<string, object?>(Fields(fields))
        {
            ["idempotencyKey"] = key, ["symbol"] = "AAPL", ["type"] = type,
        };

    private static IEnumerable<KeyValuePair<string, object?>> Fields(object fields) =>
        fields.GetType().GetProperties().Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(fields)));

    private static string? Text(JsonElement order, string name) =>
        order.GetProperty(name).ValueKind == JsonValueKind.Null ? null : order.GetProperty(name).GetString();

    [Fact]
    public async Task AMarketOrderReachesAlpacaAsAMarketOrder()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("t-market", "MARKET", new { side = "BUY", timeInForce = "DAY", qty = "2" }));

        Assert.Equal(("market", "buy", "day", "2"), (held.Str("type"), held.Str("side"), held.Str("time_in_force"), held.Str("qty")));
        // Alpaca reports a simple order's class as "" (facts 2.2: a synonym of simple).
        Assert.True(held.Str("order_class") is "" or "simple", held.ToString());
        Assert.Null(Text(held, "limit_price"));
    }

    [Fact]
    public async Task ALimitOrderReachesAlpacaWithItsLimitPrice()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("t-limit", "LIMIT", new { side = "BUY", timeInForce = "GTC", qty = "1", limitPrice = "180.25" }));

        Assert.Equal(("limit", "gtc", "180.25"), (held.Str("type"), held.Str("time_in_force"), held.Str("limit_price")));
    }

    [Fact]
    public async Task AStopOrderReachesAlpacaWithItsStopPrice()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("t-stop", "STOP", new { side = "BUY", timeInForce = "DAY", qty = "1", stopPrice = "200" }));

        Assert.Equal(("stop", "200"), (held.Str("type"), held.Str("stop_price")));
        Assert.Null(Text(held, "limit_price"));
    }

    [Fact]
    public async Task AStopLimitOrderReachesAlpacaWithBothPrices()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("t-stop-limit", "STOP_LIMIT", new { side = "BUY", timeInForce = "DAY", qty = "1", stopPrice = "200", limitPrice = "201.5" }));

        Assert.Equal(("stop_limit", "200", "201.5"), (held.Str("type"), held.Str("stop_price"), held.Str("limit_price")));
    }

    [Fact]
    public async Task ATrailingStopWithATrailPriceReachesAlpacaWithOnlyThatTrail()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("t-trail-price", "TRAILING_STOP", new { side = "BUY", timeInForce = "GTC", qty = "1", trailPrice = "2.5" }));

        Assert.Equal(("trailing_stop", "2.5"), (held.Str("type"), held.Str("trail_price")));
        Assert.Null(Text(held, "trail_percent"));
    }

    [Fact]
    public async Task ATrailingStopWithATrailPercentReachesAlpacaWithOnlyThatTrail()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("t-trail-pct", "TRAILING_STOP", new { side = "BUY", timeInForce = "DAY", qty = "1", trailPercent = "1.5" }));

        Assert.Equal(("trailing_stop", "1.5"), (held.Str("type"), held.Str("trail_percent")));
        Assert.Null(Text(held, "trail_price"));
    }

    [Fact]
    public async Task ABracketOrderReachesAlpacaWithATakeProfitAndAStopLossLeg()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("c-bracket", "LIMIT", new
        {
            side = "BUY", timeInForce = "GTC", qty = "2", limitPrice = "185", orderClass = "BRACKET",
            takeProfit = new { limitPrice = "200" }, stopLoss = new { stopPrice = "170", limitPrice = "169.5" },
        }));

        Assert.Equal(("bracket", "limit", "185"), (held.Str("order_class"), held.Str("type"), held.Str("limit_price")));
        var legs = held.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(2, legs.Count);
        var takeProfit = Assert.Single(legs, l => l.Str("type") == "limit");
        var stopLoss = Assert.Single(legs, l => l.Str("type") == "stop_limit");
        Assert.Equal(("sell", "200"), (takeProfit.Str("side"), takeProfit.Str("limit_price")));
        Assert.Equal(("sell", "170", "169.5"), (stopLoss.Str("side"), stopLoss.Str("stop_price"), stopLoss.Str("limit_price")));
    }

    [Fact]
    public async Task AnOcoExitReachesAlpacaAsATakeProfitWithAStopLossLeg()
    {
        await _driver.ConnectAsync();
        await PlacedAsync(Order("c-oco-entry", "MARKET", new { side = "BUY", timeInForce = "DAY", qty = "5" }));
        _driver.Host.Control.ProcessNow();

        var held = await PlacedAsync(Order("c-oco", "LIMIT", new
        {
            side = "SELL", timeInForce = "GTC", qty = "5", limitPrice = "220", orderClass = "OCO",
            takeProfit = new { limitPrice = "220" }, stopLoss = new { stopPrice = "170" },
        }));

        Assert.Equal(("oco", "limit", "sell", "220"), (held.Str("order_class"), held.Str("type"), held.Str("side"), held.Str("limit_price")));
        var stopLoss = Assert.Single(held.GetProperty("legs").EnumerateArray());
        Assert.Equal(("stop", "sell", "170"), (stopLoss.Str("type"), stopLoss.Str("side"), stopLoss.Str("stop_price")));
    }

    [Fact]
    public async Task AnOtoOrderReachesAlpacaWithItsOneExitLeg()
    {
        await _driver.ConnectAsync();

        var held = await PlacedAsync(Order("c-oto", "LIMIT", new
        {
            side = "BUY", timeInForce = "DAY", qty = "1", limitPrice = "185", orderClass = "OTO",
            stopLoss = new { stopPrice = "170" },
        }));

        Assert.Equal("oto", held.Str("order_class"));
        var stopLoss = Assert.Single(held.GetProperty("legs").EnumerateArray());
        Assert.Equal(("stop", "sell", "170"), (stopLoss.Str("type"), stopLoss.Str("side"), stopLoss.Str("stop_price")));
    }

    [Fact]
    public async Task TheOrderClassAndPricesAreKeptInOurHistory()
    {
        await _driver.ConnectAsync();
        var payload = await _driver.PlaceAsync(Order("c-history", "LIMIT", new
        {
            side = "BUY", timeInForce = "GTC", qty = "2", limitPrice = "185", orderClass = "BRACKET",
            takeProfit = new { limitPrice = "200" }, stopLoss = new { stopPrice = "170" },
        }));
        var id = OrderDriver.Order(payload).GetProperty("id").GetString();

        var read = await _driver.GraphQLAsync("app-alice",
            "query($id: ID!) { order(id: $id) { orderClass type limitPrice takeProfitLimitPrice stopLossStopPrice stopLossLimitPrice } }", new { id });

        var order = read.Data.GetProperty("order");
        Assert.Equal(("BRACKET", "LIMIT", "185", "200", "170"), (order.Str("orderClass"), order.Str("type"), order.Str("limitPrice"),
            order.Str("takeProfitLimitPrice"), order.Str("stopLossStopPrice")));
        Assert.Equal(JsonValueKind.Null, order.GetProperty("stopLossLimitPrice").ValueKind);
    }
}
