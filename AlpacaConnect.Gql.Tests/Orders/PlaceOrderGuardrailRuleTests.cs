using System.Globalization;
using System.Text.Json;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Each guardrail rule through placeOrder, configured by <c>Guardrails:*</c>: the payload names the rule with its limit
/// and nothing is sent to Alpaca. SYMBOL_DENIED and MAX_DAILY_NOTIONAL are in <see cref="PlaceOrderGuardrailTests"/>;
/// ACCOUNT_BLOCKED only in the policy's unit tests (the sandbox has no blocked accounts).
/// </summary>
public sealed class PlaceOrderGuardrailRuleTests
{
    private static async Task<JsonElement> RefusedAsync(OrderDriver driver, object input, string rule)
    {
        var payload = await driver.PlaceAsync(input);
        var error = OrderDriver.Error(payload);
        Assert.Equal(("GUARDRAIL_VIOLATION", rule), (error.Str("code"), error.Str("rule")));
        Assert.Equal(JsonValueKind.Null, OrderDriver.Order(payload).ValueKind);
        Assert.Equal(0, driver.OrderPosts);
        return error;
    }

    private static (string?, string?) LimitAndActual(JsonElement error) =>
        (error.GetProperty("limit").GetString(), error.GetProperty("actual").GetString());

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public async Task ABlockedOrSuspendedAccountIsRefused(bool tradingBlocked, bool accountBlocked, bool suspendedByUser)
    {
        using var driver = new OrderDriver();
        await driver.ConnectAsync();
        driver.Host.Control.SetAccountRestrictions("alice", AlpacaConnect.Sandbox.SandboxEnvironment.Paper, tradingBlocked, accountBlocked, suspendedByUser);

        await RefusedAsync(driver, OrderDriver.MarketBuy("g-blocked"), "ACCOUNT_BLOCKED");
    }

    [Fact]
    public async Task ASymbolOffTheAllowedListIsRefused()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Guardrails:AllowedSymbols:0", "MSFT"));
        await driver.ConnectAsync();

        var error = await RefusedAsync(driver, OrderDriver.MarketBuy("g-allowed"), "SYMBOL_NOT_ALLOWED");

        Assert.Equal(("MSFT", "AAPL"), LimitAndActual(error));
    }

    [Fact]
    public async Task AnOrderTypeOffTheConfiguredListIsRefused()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Guardrails:AllowedOrderTypes:0", "Limit"));
        await driver.ConnectAsync();

        var error = await RefusedAsync(driver, OrderDriver.MarketBuy("g-type"), "ORDER_TYPE_NOT_ALLOWED");

        // The configured list replaces the default one (which allows MARKET).
        Assert.Equal(("Limit", "Market"), LimitAndActual(error));
    }

    [Fact]
    public async Task ATimeInForceOffTheConfiguredListIsRefused()
    {
        using var driver = new OrderDriver();
        await driver.ConnectAsync();

        var error = await RefusedAsync(driver,
            new { idempotencyKey = "g-tif", symbol = "AAPL", side = "BUY", type = "MARKET", timeInForce = "IOC", qty = "1" }, "TIME_IN_FORCE_NOT_ALLOWED");

        Assert.Equal(("Day,Gtc", "Ioc"), LimitAndActual(error));
    }

    [Fact]
    public async Task AnOrderWhileTheMarketIsClosedIsRefusedWhenTheServerTradesOnlyWhileOpen()
    {
        // Today and tomorrow in New York are holidays, so Alpaca's clock says closed whatever the time of the run.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime);
        using var driver = new OrderDriver(host => host
            .WithSetting("Guardrails:MarketHours", "WhileOpen")
            .WithSetting("Sandbox:Market:Hours", "Nyse")
            .WithSetting("Sandbox:Market:Holidays:0", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .WithSetting("Sandbox:Market:Holidays:1", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await driver.ConnectAsync();

        await RefusedAsync(driver, OrderDriver.LimitBuy("g-closed", qty: "1", limitPrice: "150"), "MARKET_CLOSED");
    }

    [Fact]
    public async Task AQuantityAboveThePerOrderLimitIsRefused()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Guardrails:MaxQuantityPerOrder", "5"));
        await driver.ConnectAsync();

        var error = await RefusedAsync(driver, OrderDriver.LimitBuy("g-qty", qty: "6", limitPrice: "150"), "MAX_QUANTITY_PER_ORDER");

        Assert.Equal(("5", "6"), LimitAndActual(error));
    }

    [Fact]
    public async Task AMarketOrderWithoutAQuoteCannotBeValuedAndIsRefused()
    {
        using var driver = new OrderDriver();
        await driver.ConnectAsync();
        driver.Host.Control.AddFault(new FaultRule { Route = "GET /data/v2/stocks/{symbol}/quotes/latest", Kind = FaultKind.ServerError, Status = 422, Count = null });

        await RefusedAsync(driver, OrderDriver.MarketBuy("g-price"), "PRICE_UNAVAILABLE");

        Assert.Contains(driver.Host.Control.Requests, r => r.Fault is not null);
    }

    [Fact]
    public async Task AnOrderWorthMoreThanThePerOrderLimitIsRefused()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Guardrails:MaxNotionalPerOrder", "1000"));
        await driver.ConnectAsync();

        var error = await RefusedAsync(driver, OrderDriver.LimitBuy("g-notional", qty: "10", limitPrice: "150"), "MAX_NOTIONAL_PER_ORDER");

        Assert.Equal(("1000", "1500"), LimitAndActual(error));
    }

    [Fact]
    public async Task ABuyLimitFarAboveTheAskIsRefusedAsALikelyTypo()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Guardrails:LimitPriceCollarPercent", "5"));
        await driver.ConnectAsync();
        driver.Host.Control.SetPrice("AAPL", 100m);

        var error = await RefusedAsync(driver, OrderDriver.LimitBuy("g-collar", qty: "1", limitPrice: "120"), "LIMIT_PRICE_COLLAR");

        Assert.Equal(("5%", "120"), LimitAndActual(error));
    }

    [Fact]
    public async Task OrdersBeyondTheDailyCountAreRefused()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Guardrails:MaxOrdersPerDay", "1"));
        await driver.ConnectAsync();
        Assert.Empty(OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.LimitBuy("g-count-1", qty: "1", limitPrice: "150"))));

        var payload = await driver.PlaceAsync(OrderDriver.LimitBuy("g-count-2", qty: "1", limitPrice: "150"));

        var error = OrderDriver.Error(payload);
        Assert.Equal(("MAX_ORDERS_PER_DAY", "1", "2"), (error.Str("rule"), error.GetProperty("limit").GetString(), error.GetProperty("actual").GetString()));
        Assert.Equal(1, driver.OrderPosts);
    }

    [Fact]
    public async Task AnOrderOnALiveConnectionIsRefusedUnlessLiveTradingIsEnabled()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Alpaca:AllowLive", "true"));
        await driver.ConnectAsync(environment: "LIVE");

        await RefusedAsync(driver, OrderDriver.LimitBuy("g-live", qty: "1", limitPrice: "150"), "LIVE_TRADING_DISABLED");
    }
}
