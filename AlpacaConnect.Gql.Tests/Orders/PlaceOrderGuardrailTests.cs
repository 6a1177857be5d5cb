namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>The guardrails wired into placeOrder (the rules themselves are unit-tested in Guardrails/).</summary>
public sealed class PlaceOrderGuardrailTests : IDisposable
{
    // AAPL trades near 190 in the sandbox: ten shares are about 1,900 USD, two such orders pass a 3,000 cap.
    private readonly OrderDriver _driver = new(host => host
        .WithSetting("Guardrails:MaxDailyNotional", "3000")
        .WithSetting("Guardrails:DeniedSymbols:0", "TSLA"));

    public void Dispose() => _driver.Dispose();

    [Fact]
    public async Task AnOrderBreakingAGuardrailIsRefusedWithItsLimitAndNeverSent()
    {
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("denied-1", symbol: "TSLA"));

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("GUARDRAIL_VIOLATION", "SYMBOL_DENIED", "TSLA"),
            (error.GetProperty("code").GetString(), error.GetProperty("rule").GetString(), error.GetProperty("actual").GetString()));
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task TheDailyNotionalCapCountsEarlierOrders()
    {
        await _driver.ConnectAsync();
        Assert.Empty(OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.LimitBuy("cap-1", qty: "10", limitPrice: "190"))));

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("cap-2", qty: "10", limitPrice: "190"));

        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(("MAX_DAILY_NOTIONAL", "3000", "3800"),
            (error.GetProperty("rule").GetString(), error.GetProperty("limit").GetString(), error.GetProperty("actual").GetString()));
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task TwoConcurrentOrdersCannotBothPassASharedDailyCap()
    {
        // T-ID-09: the check and the insert are atomic per user.
        await _driver.ConnectAsync();

        var payloads = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => _driver.PlaceAsync(OrderDriver.LimitBuy($"race-{i}", qty: "10", limitPrice: "190"))));

        Assert.Equal(1, payloads.Count(p => OrderDriver.Codes(p).Count == 0));
        Assert.Equal(3, payloads.Count(p => OrderDriver.Codes(p).SequenceEqual(["GUARDRAIL_VIOLATION"])));
        Assert.Equal(1, _driver.OrderPosts);
    }
}
