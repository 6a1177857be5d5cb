using System.Text.Json;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Issue 13, "other asset classes pass the guardrails": an order's asset class is checked before any POST, options are
/// valued with their multiplier, and crypto follows its own rules. <c>Guardrails:AllowedAssetClasses</c> defaults to
/// US_EQUITY only. Needs the sandbox's option <c>AAPL270115C00200000</c> (multiplier 100, quote near $5) and crypto
/// <c>BTC/USD</c> (GTC/IOC only, fills around the clock).
/// </summary>
public sealed class AssetClassTests
{
    private const string Option = "AAPL270115C00200000";
    private const string Crypto = "BTC/USD";

    private static OrderDriver AllowingOptions() => new(host => host
        .WithSetting("Guardrails:AllowedAssetClasses:0", "US_EQUITY")
        .WithSetting("Guardrails:AllowedAssetClasses:1", "US_OPTION"));

    private static OrderDriver AllowingCrypto() => new(host => host
        .WithSetting("Guardrails:AllowedAssetClasses:0", "US_EQUITY")
        .WithSetting("Guardrails:AllowedAssetClasses:1", "CRYPTO")
        .WithSetting("Guardrails:AllowedTimeInForce:0", "DAY")
        .WithSetting("Guardrails:AllowedTimeInForce:1", "GTC")
        .WithSetting("Guardrails:AllowedTimeInForce:2", "IOC"));

    private static object CryptoBuy(string key, string timeInForce) =>
        new { idempotencyKey = key, symbol = Crypto, side = "BUY", type = "MARKET", timeInForce, qty = "0.01" };

    /// <summary>The error, asserting that nothing was saved as an order and nothing was sent to Alpaca.</summary>
    private static JsonElement RefusedBeforeAnyPost(OrderDriver driver, JsonElement payload)
    {
        var error = OrderDriver.Error(payload);
        Assert.Equal(JsonValueKind.Null, OrderDriver.Order(payload).ValueKind);
        Assert.True(driver.OrderPosts == 0, $"refused with {error}, yet POST /v2/orders was sent {driver.OrderPosts} time(s)");
        return error;
    }

    [Fact]
    public async Task AHundredOptionContractsAreRefusedByDefaultBeforeAnyPost()
    {
        using var driver = new OrderDriver();
        await driver.ConnectAsync();

        // Today's schema can ask this much; it is what shows whether the order went out.
        var payload = await driver.PlaceAsync(OrderDriver.LimitBuy("opt-default", qty: "100", limitPrice: "200", symbol: Option));

        var error = OrderDriver.Error(payload);
        Assert.True(driver.OrderPosts == 0, $"POST /v2/orders was sent {driver.OrderPosts} time(s); the payload was {payload}");
        Assert.Equal(("AssetClassNotAllowedError", "ASSET_CLASS_NOT_ALLOWED"), (error.Str("__typename"), error.Str("code")));
    }

    [Fact]
    public async Task TheAssetClassRefusalNamesTheClassAndTheAllowedClasses()
    {
        using var driver = new OrderDriver();
        await driver.ConnectAsync();

        var payload = await PipelineQueries.PlaceAsync(driver, OrderDriver.LimitBuy("opt-named", qty: "100", limitPrice: "200", symbol: Option));

        var error = RefusedBeforeAnyPost(driver, payload);
        Assert.Equal(("ASSET_CLASS_NOT_ALLOWED", "US_OPTION"), (error.Str("code"), error.Str("assetClass")));
        Assert.Equal(["US_EQUITY"], error.GetProperty("allowed").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task WhereOptionsAreAllowedAHundredContractsAtTwoHundredAreValuedAtTwoMillion()
    {
        using var driver = AllowingOptions();
        await driver.ConnectAsync();

        var payload = await driver.PlaceAsync(OrderDriver.LimitBuy("opt-allowed", qty: "100", limitPrice: "200", symbol: Option));

        Assert.True(driver.OrderPosts == 0, $"POST /v2/orders was sent {driver.OrderPosts} time(s); the payload was {payload}");
        // The daily value cap and the price collar refuse it too; the per-order cap shows the contract multiplier counted.
        var error = payload.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("rule").GetString() == "MAX_NOTIONAL_PER_ORDER");
        Assert.Equal("GuardrailViolationError", error.Str("__typename"));
        Assert.Equal(("25000", "2000000"), (error.GetProperty("limit").GetString(), error.GetProperty("actual").GetString()));
    }

    [Fact]
    public async Task ACryptoOrderIsRefusedByDefaultBeforeAnyPost()
    {
        using var driver = new OrderDriver();
        await driver.ConnectAsync();

        var payload = await driver.PlaceAsync(CryptoBuy("btc-default", "GTC"));

        var error = RefusedBeforeAnyPost(driver, payload);
        Assert.Equal(("AssetClassNotAllowedError", "ASSET_CLASS_NOT_ALLOWED"), (error.Str("__typename"), error.Str("code")));
    }

    [Fact]
    public async Task WhereCryptoIsAllowedTheSchemasBitcoinExampleIsPlacedAndFills()
    {
        using var driver = AllowingCrypto();
        await driver.ConnectAsync();

        var payload = await driver.PlaceAsync(CryptoBuy("btc-allowed", "GTC"));

        Assert.True(OrderDriver.Codes(payload).Count == 0, payload.ToString());
        var id = OrderDriver.Order(payload).Str("id");
        Assert.Equal(1, driver.OrderPosts);
        driver.Host.Control.ProcessNow();
        var filled = await PipelineQueries.EventuallyAsync(driver, id, "FILLED");
        Assert.False(string.IsNullOrEmpty(filled.GetProperty("alpacaOrderId").GetString()));
    }

    [Fact]
    public async Task ACryptoDayOrderIsInvalidForItsAssetClassBeforeAnyPost()
    {
        using var driver = AllowingCrypto();
        await driver.ConnectAsync();

        var payload = await PipelineQueries.PlaceAsync(driver, CryptoBuy("btc-day", "DAY"));

        var error = RefusedBeforeAnyPost(driver, payload);
        Assert.Equal(("OrderInvalidError", "TIME_IN_FORCE_FOR_ASSET_CLASS"), (error.Str("__typename"), error.Str("rule")));
    }
}
