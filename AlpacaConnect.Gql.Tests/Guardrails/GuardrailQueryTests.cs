using AlpacaConnect.Gql.Tests.Trading.Reads;

namespace AlpacaConnect.Gql.Tests.Guardrails;

public sealed class GuardrailQueryTests : IDisposable
{
    private readonly ReadsHost _host = new();

    [Fact]
    public async Task GuardrailsShowTheConfiguredLimitsWithoutAConnection()
    {
        _host.WithSetting("Guardrails:MaxNotionalPerOrder", "1234.56")
            .WithSetting("Guardrails:MaxQuantityPerOrder", "0.5")
            .WithSetting("Guardrails:MaxOrdersPerDay", "7")
            .WithSetting("Guardrails:MaxDailyNotional", "5000")
            .WithSetting("Guardrails:AllowedSymbols:0", "AAPL")
            .WithSetting("Guardrails:AllowedSymbols:1", "MSFT")
            .WithSetting("Guardrails:DeniedSymbols:0", "GME")
            .WithSetting("Guardrails:AllowedOrderTypes:0", "Limit")
            .WithSetting("Guardrails:AllowedTimeInForce:0", "Day")
            .WithSetting("Guardrails:LimitPriceCollarPercent", "2.5")
            .WithSetting("Guardrails:AllowLiveTrading", "true")
            .WithSetting("Guardrails:MarketHours", "MarketOrdersWhileOpen");

        var response = await _host.QueryAsync("app-nobody", """
            { guardrails { maxNotionalPerOrder maxQuantityPerOrder maxOrdersPerDay maxDailyNotional allowedSymbols deniedSymbols
                           allowedOrderTypes allowedTimeInForce limitPriceCollarPercent liveTradingAllowed marketHours } }
            """);

        Assert.Empty(response.Errors);
        var policy = response.Data.GetProperty("guardrails");
        Assert.Equal("1234.56", policy.GetProperty("maxNotionalPerOrder").GetString());
        Assert.Equal("0.5", policy.GetProperty("maxQuantityPerOrder").GetString());
        Assert.Equal(7, policy.GetProperty("maxOrdersPerDay").GetInt32());
        Assert.Equal("5000", policy.GetProperty("maxDailyNotional").GetString());
        Assert.Equal(["AAPL", "MSFT"], policy.GetProperty("allowedSymbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["GME"], policy.GetProperty("deniedSymbols").EnumerateArray().Select(s => s.GetString()));
        // A configured list replaces the default one (the configuration binder would append to it).
        Assert.Equal(["LIMIT"], policy.GetProperty("allowedOrderTypes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["DAY"], policy.GetProperty("allowedTimeInForce").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("2.5", policy.GetProperty("limitPriceCollarPercent").GetString());
        Assert.True(policy.GetProperty("liveTradingAllowed").GetBoolean());
        Assert.Equal("MARKET_ORDERS_WHILE_OPEN", policy.GetProperty("marketHours").GetString());
        Assert.Equal(0, _host.UpstreamTradingCalls);
    }

    [Fact]
    public async Task GuardrailsDefaultsAreSafe()
    {
        var response = await _host.QueryAsync("app-nobody", "{ guardrails { maxNotionalPerOrder liveTradingAllowed allowedTimeInForce marketHours } }");

        var policy = response.Data.GetProperty("guardrails");
        Assert.Equal("25000", policy.GetProperty("maxNotionalPerOrder").GetString());
        Assert.False(policy.GetProperty("liveTradingAllowed").GetBoolean());
        Assert.Equal(["DAY", "GTC"], policy.GetProperty("allowedTimeInForce").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("ALWAYS", policy.GetProperty("marketHours").GetString());
    }

    public void Dispose() => _host.Dispose();
}
