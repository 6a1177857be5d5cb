using System.Net;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>
/// Option orders (DOCS-2025 <c>options-trading.md</c>, facts-more 3.4): whole contracts, no notional, day only,
/// market or limit, no extended hours; cash and position values are price × multiplier × contracts.
/// </summary>
public sealed class OptionOrderTests : IClassFixture<SandboxHost>
{
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;

    public OptionOrderTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        _paper = host.Trading(SandboxEnvironment.Paper, host.Token());
    }

    [Fact]
    public async Task TwoContractsBoughtAtFiveDollarsCostOneThousandDollarsOfCash()
    {
        _host.Control.SetPrice(AssetCatalog.AaplCall, 4.99m); // ask 5.00

        var order = await (await _paper.PostJsonAsync("v2/orders",
            $$"""{"symbol":"{{AssetCatalog.AaplCall}}","qty":"2","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync();
        _host.Control.ProcessNow();
        var filled = await (await _paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();
        var account = await (await _paper.GetAsync("v2/account")).JsonAsync();
        var position = await (await _paper.GetAsync($"v2/positions/{AssetCatalog.AaplCall}")).JsonAsync();

        Assert.Equal("us_option", order.Str("asset_class"));
        Assert.Equal(("filled", 5m), (filled.Str("status"), filled.Dec("filled_avg_price")));
        Assert.Equal(99_000m, account.Dec("cash"));
        Assert.Equal((AssetCatalog.AaplCall, "us_option", ""), (position.Str("symbol"), position.Str("asset_class"), position.Str("exchange")));
        Assert.Equal((2m, 5m, 1_000m), (position.Dec("qty"), position.Dec("avg_entry_price"), position.Dec("cost_basis")));
        Assert.Equal((998m, -2m), (position.Dec("market_value"), position.Dec("unrealized_pl"))); // 2 × 4.99 × 100
        Assert.Equal(998m, account.Dec("long_market_value"));
    }

    [Fact]
    public async Task AnOpenLimitBuyReservesThePremiumTimesTheMultiplier()
    {
        await _paper.PostJsonAsync("v2/orders",
            $$"""{"symbol":"{{AssetCatalog.AaplPut}}","qty":"3","side":"buy","type":"limit","limit_price":"1.5","time_in_force":"day"}""");

        var account = await (await _paper.GetAsync("v2/account")).JsonAsync();

        Assert.Equal(100_000m - 450m, account.Dec("buying_power"));
    }

    [Fact]
    public async Task SellingTheContractsBackReturnsThePremium()
    {
        _host.Control.SetPrice(AssetCatalog.NonStandardOption, 2.49m);
        await _paper.PostJsonAsync("v2/orders",
            $$"""{"symbol":"{{AssetCatalog.NonStandardOption}}","qty":"1","side":"buy","type":"market","time_in_force":"day"}""");
        _host.Control.ProcessNow();
        _host.Control.SetPrice(AssetCatalog.NonStandardOption, 3.01m); // bid 3.00

        using var close = await _paper.DeleteAsync($"v2/positions/{AssetCatalog.NonStandardOption}");
        _host.Control.ProcessNow();
        var account = await (await _paper.GetAsync("v2/account")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(100_000m - 250m + 300m, account.Dec("cash"));
    }

    [Theory]
    [InlineData("""{"qty":"1.5","side":"buy","type":"market","time_in_force":"day"}""", "qty 1.5 must be a whole number of option contracts")]
    [InlineData("""{"notional":"500","side":"buy","type":"market","time_in_force":"day"}""", "notional orders are not allowed for options")]
    [InlineData("""{"qty":"1","side":"buy","type":"limit","limit_price":"5","time_in_force":"gtc"}""", "invalid options time_in_force gtc; options orders must be day orders")]
    [InlineData("""{"qty":"1","side":"buy","type":"stop","stop_price":"6","time_in_force":"day"}""", "invalid options order type stop; options orders must be market or limit orders")]
    [InlineData("""{"qty":"1","side":"buy","type":"limit","limit_price":"5","time_in_force":"day","extended_hours":true}""", "extended hours orders are not allowed for options")]
    public async Task OrdersOutsideOptionsRulesAreRefused(string fields, string message)
    {
        var body = $$"""{"symbol":"{{AssetCatalog.AaplCall}}",""" + fields[1..];

        using var response = await _paper.PostJsonAsync("v2/orders", body);

        await response.AssertErrorAsync(422, 42210000, message);
    }
}
