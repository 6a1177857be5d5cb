using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>Alpaca's order rules are checked before anything is saved or sent: one case per rule.</summary>
public sealed class PlaceOrderInputRuleTests : IDisposable
{
    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    [Theory]
    [InlineData("qty", """{"type":"MARKET","timeInForce":"DAY"}""")] // neither qty nor notional
    [InlineData("qty", """{"type":"MARKET","timeInForce":"DAY","qty":"1","notional":"100"}""")] // both
    [InlineData("qty", """{"type":"MARKET","timeInForce":"DAY","qty":"0"}""")] // not positive
    [InlineData("qty", """{"type":"STOP","timeInForce":"DAY","qty":"0.5","stopPrice":"180"}""")] // fractional stop
    [InlineData("notional", """{"type":"MARKET","timeInForce":"GTC","notional":"100"}""")] // notional not DAY
    [InlineData("limitPrice", """{"type":"LIMIT","timeInForce":"DAY","qty":"1"}""")] // limit without price
    [InlineData("limitPrice", """{"type":"MARKET","timeInForce":"DAY","qty":"1","limitPrice":"190"}""")] // price on a market order
    [InlineData("stopPrice", """{"type":"STOP_LIMIT","timeInForce":"DAY","qty":"1","limitPrice":"190"}""")] // stop-limit without stop
    [InlineData("trailPrice", """{"type":"TRAILING_STOP","timeInForce":"DAY","qty":"1","trailPrice":"2","trailPercent":"1"}""")] // both trails
    [InlineData("limitPrice", """{"type":"LIMIT","timeInForce":"DAY","qty":"1","limitPrice":"190.123"}""")] // sub-penny
    [InlineData("timeInForce", """{"type":"STOP","timeInForce":"IOC","qty":"1","stopPrice":"180"}""")] // ioc on a stop
    [InlineData("extendedHours", """{"type":"MARKET","timeInForce":"DAY","qty":"1","extendedHours":true}""")] // extended hours market
    [InlineData("orderClass", """{"type":"LIMIT","timeInForce":"DAY","qty":"1","limitPrice":"190","orderClass":"BRACKET","takeProfit":{"limitPrice":"200"}}""")] // bracket missing a leg
    [InlineData("takeProfit.limitPrice", """{"type":"LIMIT","timeInForce":"DAY","qty":"1","limitPrice":"190","orderClass":"BRACKET","takeProfit":{"limitPrice":"180"},"stopLoss":{"stopPrice":"185"}}""")] // bracket legs inverted
    [InlineData("orderClass", """{"type":"MARKET","timeInForce":"DAY","qty":"1","orderClass":"OCO","takeProfit":{"limitPrice":"200"},"stopLoss":{"stopPrice":"180"}}""")] // oco not limit
    [InlineData("orderClass", """{"type":"MARKET","timeInForce":"DAY","qty":"1","orderClass":"OTO"}""")] // oto without a leg
    [InlineData("orderClass", """{"type":"MARKET","timeInForce":"DAY","qty":"1","stopLoss":{"stopPrice":"180"}}""")] // legs on a simple order
    [InlineData("idempotencyKey", """{"idempotencyKey":"","type":"MARKET","timeInForce":"DAY","qty":"1"}""")] // empty key
    public async Task AnOrderBreakingAnAlpacaRuleIsRefusedWithoutAnUpstreamCall(string field, string fields)
    {
        await _driver.ConnectAsync();
        var input = new Dictionary<string, object?> { ["idempotencyKey"] = "rule-1", ["symbol"] = "AAPL", ["side"] = "BUY" };
        foreach (var property in JsonDocument.Parse(fields).RootElement.EnumerateObject())
        {
            input[property.Name] = property.Value.Clone();
        }

        var payload = await _driver.PlaceAsync(input);

        Assert.Equal(JsonValueKind.Null, OrderDriver.Order(payload).ValueKind);
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("ORDER_INVALID", e.GetProperty("code").GetString()));
        Assert.Contains(field, errors.Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task AValidBracketOrderPassesTheRules()
    {
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(new
        {
            idempotencyKey = "bracket-1", symbol = "AAPL", side = "BUY", type = "LIMIT", timeInForce = "GTC", qty = "1", limitPrice = "189",
            orderClass = "BRACKET", takeProfit = new { limitPrice = "200" }, stopLoss = new { stopPrice = "180", limitPrice = "179.5" },
        });

        Assert.Empty(OrderDriver.Codes(payload));
        Assert.Equal("BRACKET", OrderDriver.Order(payload).GetProperty("orderClass").GetString());
    }
}
