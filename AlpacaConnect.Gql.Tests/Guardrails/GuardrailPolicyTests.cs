using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Tests.Guardrails;

public sealed class GuardrailPolicyTests
{
    private static readonly GuardrailOrder Buy10Aapl = new("AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Day, 10, null, null, null, AlpacaEnvironment.Paper);
    private static readonly GuardrailContext OpenMarket = new(false, false, false, MarketOpen: true, Bid: 99.9m, Ask: 100m, OrdersToday: 0, NotionalToday: 0);

    private static List<string> Rules(GuardrailOrder order, GuardrailContext? context = null, GuardrailOptions? options = null) =>
        GuardrailPolicy.Check(order, context ?? OpenMarket, options ?? new GuardrailOptions()).Select(v => v.Rule).ToList();

    [Fact]
    public void AnOrdinaryOrderPasses() => Assert.Empty(Rules(Buy10Aapl));

    [Fact]
    public void AnOrderAboveTheNotionalLimitIsRefusedWithTheLimit()
    {
        var violation = Assert.Single(GuardrailPolicy.Check(Buy10Aapl with { Quantity = 300 }, OpenMarket, new GuardrailOptions()));

        Assert.Equal(GuardrailRules.MaxNotionalPerOrder, violation.Rule);
        Assert.Equal("25000", violation.Limit);
        Assert.Equal("30000", violation.Actual);
    }

    [Fact]
    public void AmountsAreShownToTheCentHalfAwayFromZeroWithoutTrailingZeros()
    {
        // 3 × 100.335 = 301.005: banker's rounding would show 301.00 here and 301.01 in a preview.
        var verdicts = GuardrailPolicy.Evaluate(Buy10Aapl with { Quantity = 3 }, OpenMarket with { Ask = 100.335m }, new GuardrailOptions { MaxNotionalPerOrder = 300.5m });

        var value = Assert.Single(verdicts, v => v.Rule == GuardrailRules.MaxNotionalPerOrder && !v.Passed);
        Assert.Equal("301.01", value.Actual);
        Assert.Equal("300.5", value.Limit);
        Assert.Equal(301.01m, GuardrailPolicy.Cents(301.005m));
    }

    [Fact]
    public void AQuantityAboveTheLimitIsRefused() =>
        Assert.Contains(GuardrailRules.MaxQuantity, Rules(Buy10Aapl with { Quantity = 20 }, options: new GuardrailOptions { MaxQuantityPerOrder = 5 }));

    [Fact]
    public void TheDailyOrderCountIsCapped() =>
        Assert.Equal([GuardrailRules.MaxOrdersPerDay], Rules(Buy10Aapl, OpenMarket with { OrdersToday = 100 }));

    [Fact]
    public void TheDailyNotionalIsCapped() =>
        Assert.Equal([GuardrailRules.MaxDailyNotional], Rules(Buy10Aapl, OpenMarket with { NotionalToday = 99_500 }));

    [Fact]
    public void ADeniedSymbolIsRefusedEvenWhenAllowed() =>
        Assert.Equal([GuardrailRules.SymbolDenied], Rules(Buy10Aapl, options: new GuardrailOptions { AllowedSymbols = ["AAPL"], DeniedSymbols = ["aapl"] }));

    [Fact]
    public void ASymbolOffTheAllowListIsRefused() =>
        Assert.Equal([GuardrailRules.SymbolNotAllowed], Rules(Buy10Aapl, options: new GuardrailOptions { AllowedSymbols = ["MSFT"] }));

    [Fact]
    public void AnOrderTypeOffTheListIsRefused() =>
        Assert.Equal([GuardrailRules.OrderTypeNotAllowed], Rules(Buy10Aapl, options: new GuardrailOptions { AllowedOrderTypes = [OrderType.Limit] }));

    [Fact]
    public void ATimeInForceOffTheListIsRefused() =>
        Assert.Equal([GuardrailRules.TimeInForceNotAllowed], Rules(Buy10Aapl with { TimeInForce = TimeInForce.Ioc }));

    [Theory]
    [InlineData(nameof(OrderSide.Buy), 111, true)]
    [InlineData(nameof(OrderSide.Buy), 109, false)]
    [InlineData(nameof(OrderSide.Sell), 89, true)]
    [InlineData(nameof(OrderSide.Sell), 91, false)]
    public void LimitPricesFarOnTheWrongSideOfTheQuoteAreRefused(string side, int limit, bool refused)
    {
        // The server's enums are internal; a public theory names them by their members' names.
        var order = Buy10Aapl with { Side = Enum.Parse<OrderSide>(side), Type = OrderType.Limit, LimitPrice = limit, Quantity = 1 };

        Assert.Equal(refused, Rules(order).Contains(GuardrailRules.LimitPriceCollar));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void BlockedOrSuspendedAccountsCannotTrade(bool tradingBlocked, bool accountBlocked, bool suspended) =>
        Assert.Equal([GuardrailRules.AccountBlocked], Rules(Buy10Aapl, OpenMarket with { TradingBlocked = tradingBlocked, AccountBlocked = accountBlocked, TradeSuspendedByUser = suspended }));

    [Fact]
    public void LiveTradingIsRefusedUnlessEnabled()
    {
        var live = Buy10Aapl with { Environment = AlpacaEnvironment.Live };

        Assert.Equal([GuardrailRules.LiveTradingDisabled], Rules(live));
        Assert.Empty(Rules(live, options: new GuardrailOptions { AllowLiveTrading = true }));
    }

    [Theory]
    [InlineData(nameof(MarketHoursPolicy.Always), nameof(OrderType.Market), false)]
    [InlineData(nameof(MarketHoursPolicy.MarketOrdersWhileOpen), nameof(OrderType.Market), true)]
    [InlineData(nameof(MarketHoursPolicy.MarketOrdersWhileOpen), nameof(OrderType.Limit), false)]
    [InlineData(nameof(MarketHoursPolicy.WhileOpen), nameof(OrderType.Limit), true)]
    public void TheMarketHoursPolicyFollowsTheClock(string policyName, string typeName, bool refused)
    {
        var (policy, type) = (Enum.Parse<MarketHoursPolicy>(policyName), Enum.Parse<OrderType>(typeName));
        var order = Buy10Aapl with { Type = type, LimitPrice = type == OrderType.Limit ? 100 : null };

        var rules = Rules(order, OpenMarket with { MarketOpen = false }, new GuardrailOptions { MarketHours = policy });

        Assert.Equal(refused, rules.Contains(GuardrailRules.MarketClosed));
    }

    [Fact]
    public void AMarketOrderWithNoQuoteCannotBeValuedAndIsRefused() =>
        Assert.Equal([GuardrailRules.PriceUnavailable], Rules(Buy10Aapl, OpenMarket with { Bid = null, Ask = null }));

    [Fact]
    public void ANotionalOrderIsValuedByItsNotional() =>
        Assert.Equal(250m, GuardrailPolicy.EstimatedNotional(Buy10Aapl with { Quantity = null, Notional = 250 }, OpenMarket));

    [Fact]
    public void EveryBrokenRuleIsReported() =>
        Assert.Equal(3, Rules(Buy10Aapl with { Quantity = 300, TimeInForce = TimeInForce.Fok }, OpenMarket with { TradingBlocked = true }).Count);
}
