using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>Crypto assets, option contracts and their quotes, in Alpaca's shapes (SPEC-2026, MD-SPEC-2026, facts-more 3 and 4.6).</summary>
public sealed class AssetConformanceTests : IClassFixture<SandboxHost>, IDisposable
{
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;
    private readonly HttpClient _data;

    public AssetConformanceTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        var token = host.Token();
        _paper = host.Trading(SandboxEnvironment.Paper, token);
        _data = new HttpClient { BaseAddress = new Uri(host.BaseUri, SandboxPaths.MarketData + "/") };
        _data.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    [Theory]
    [InlineData("v2/assets/BTC%2FUSD")]
    [InlineData("v2/assets/BTCUSD")]
    [InlineData("v2/assets/276e2673-764b-4ab6-a611-caf665ca6340")]
    public async Task BitcoinIsFoundWithAnEscapedSlashWithoutItOrByItsId(string path)
    {
        using var response = await _paper.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var asset = await response.JsonAsync();
        Assert.Equal((AssetCatalog.BtcUsd, "crypto", "CRYPTO", "active"), (asset.Str("symbol"), asset.Str("class"), asset.Str("exchange"), asset.Str("status")));
        Assert.True(asset.GetProperty("tradable").GetBoolean());
        Assert.True(asset.GetProperty("fractionable").GetBoolean());
        Assert.False(asset.GetProperty("marginable").GetBoolean());
        Assert.False(asset.GetProperty("shortable").GetBoolean());
        Assert.Equal((0.0001m, 0.0001m, 1m), (asset.Dec("min_order_size"), asset.Dec("min_trade_increment"), asset.Dec("price_increment")));
    }

    [Fact]
    public async Task EtherHasItsOwnSizesAndEquitiesCarryNoCryptoSizes()
    {
        var ether = await (await _paper.GetAsync("v2/assets/ETH%2FUSD")).JsonAsync();
        var apple = await (await _paper.GetAsync("v2/assets/AAPL")).JsonAsync();

        Assert.Equal((0.001m, 0.001m, 0.1m), (ether.Dec("min_order_size"), ether.Dec("min_trade_increment"), ether.Dec("price_increment")));
        Assert.Equal("us_equity", apple.Str("class"));
        Assert.False(apple.TryGetProperty("min_order_size", out _));
        Assert.False(apple.TryGetProperty("min_trade_increment", out _));
    }

    [Fact]
    public async Task AnOptionSymbolIsNotAnAssetByDefault()
    {
        using var response = await _paper.GetAsync($"v2/assets/{AssetCatalog.AaplCall}");

        await response.AssertErrorAsync(404, 40410000, "asset not found");
    }

    [Fact]
    public async Task AStandardCallAnswersOnTheContractsEndpointWithStringNumbers()
    {
        using var response = await _paper.GetAsync($"v2/options/contracts/{AssetCatalog.AaplCall}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contract = await response.JsonAsync();
        Assert.Equal((AssetCatalog.AaplCall, "AAPL", "call", "american", "2027-01-15", "active"),
            (contract.Str("symbol"), contract.Str("underlying_symbol"), contract.Str("type"), contract.Str("style"),
             contract.Str("expiration_date"), contract.Str("status")));
        Assert.Equal((200m, 100m, 100m), (contract.Dec("strike_price"), contract.Dec("multiplier"), contract.Dec("size")));
        Assert.True(contract.GetProperty("tradable").GetBoolean());
        Assert.True(Guid.TryParse(contract.Str("id"), out var id));
        Assert.Equal("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", contract.Str("underlying_asset_id"));

        var byId = await (await _paper.GetAsync($"v2/options/contracts/{id}")).JsonAsync();
        Assert.Equal(AssetCatalog.AaplCall, byId.Str("symbol"));
    }

    [Fact]
    public async Task ThePutAndTheNonStandardContractWhoseMultiplierIsAbsent()
    {
        var put = await (await _paper.GetAsync($"v2/options/contracts/{AssetCatalog.AaplPut}")).JsonAsync();
        var odd = await (await _paper.GetAsync($"v2/options/contracts/{AssetCatalog.NonStandardOption}")).JsonAsync();

        Assert.Equal(("put", 180m), (put.Str("type"), put.Dec("strike_price")));
        Assert.False(odd.TryGetProperty("multiplier", out _));
        Assert.Equal(150m, odd.Dec("size"));
    }

    [Theory]
    [InlineData("v2/options/contracts/AAPL270115C00999000")]
    [InlineData("v2/options/contracts/AAPL")]
    [InlineData("v2/options/contracts/BTC%2FUSD")]
    public async Task AnythingButAContractIsNotFoundOnTheContractsEndpoint(string path)
    {
        using var response = await _paper.GetAsync(path);

        await response.AssertErrorAsync(404, 40410000, "option contract not found");
    }

    [Fact]
    public async Task OptionQuotesAnswerOnTheSpecsPathAndFollowThePriceFeed()
    {
        _host.Control.SetPrice(AssetCatalog.AaplCall, 5.20m);

        using var response = await _data.GetAsync($"v1beta1/options/quotes/latest?symbols={AssetCatalog.AaplCall},{AssetCatalog.AaplPut},NOPE270115C00001000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quotes = (await response.JsonAsync()).GetProperty("quotes");
        var call = quotes.GetProperty(AssetCatalog.AaplCall);
        Assert.Equal((5.19m, 5.21m), (call.GetProperty("bp").GetDecimal(), call.GetProperty("ap").GetDecimal()));
        Assert.Equal(JsonValueKind.Number, call.GetProperty("bs").ValueKind);
        Assert.Equal(JsonValueKind.String, call.GetProperty("c").ValueKind);
        Assert.Equal(3.19m, quotes.GetProperty(AssetCatalog.AaplPut).GetProperty("bp").GetDecimal());
        Assert.False(quotes.TryGetProperty("NOPE270115C00001000", out _));
    }

    [Fact]
    public async Task CryptoQuotesNeedNoTokenHaveFractionalSizesAndTickByThePriceIncrement()
    {
        using var anonymous = new HttpClient { BaseAddress = _data.BaseAddress };

        using var response = await anonymous.GetAsync("v1beta3/crypto/us/latest/quotes?symbols=BTC/USD,ETH/USD");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quotes = (await response.JsonAsync()).GetProperty("quotes");
        var btc = quotes.GetProperty(AssetCatalog.BtcUsd);
        Assert.Equal((59_999m, 60_001m), (btc.GetProperty("bp").GetDecimal(), btc.GetProperty("ap").GetDecimal()));
        Assert.NotEqual(decimal.Truncate(btc.GetProperty("bs").GetDecimal()), btc.GetProperty("bs").GetDecimal());
        Assert.False(btc.TryGetProperty("c", out _));
        Assert.Equal(2_999.9m, quotes.GetProperty(AssetCatalog.EthUsd).GetProperty("bp").GetDecimal());
    }

    [Fact]
    public async Task CryptoDataRefusesTheSymbolWithoutTheSlash()
    {
        using var response = await _data.GetAsync("v1beta3/crypto/us/latest/quotes?symbols=BTCUSD");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid symbol: BTCUSD does not match ^[A-Z]+/[A-Z]+$", (await response.JsonAsync()).Str("message"));
    }

    [Fact]
    public async Task StockQuotesKnowOnlyEquities()
    {
        using var single = await _data.GetAsync("v2/stocks/BTCUSD/quotes/latest");
        using var option = await _data.GetAsync($"v2/stocks/{AssetCatalog.AaplCall}/quotes/latest");
        using var many = await _data.GetAsync($"v2/stocks/quotes/latest?symbols=AAPL,BTCUSD,{AssetCatalog.AaplCall}");

        await single.AssertErrorAsync(404, 40410000, "symbol not found");
        await option.AssertErrorAsync(404, 40410000, "symbol not found");
        var quotes = (await many.JsonAsync()).GetProperty("quotes");
        Assert.Equal(["AAPL"], quotes.EnumerateObject().Select(p => p.Name));
    }

    public void Dispose() => _data.Dispose();
}

/// <summary>The UNVERIFIED answer of <c>GET /v2/assets/{occ symbol}</c> switched on.</summary>
public sealed class OptionsOnAssetsEndpointTests : IDisposable
{
    private readonly SandboxHost _host = new();

    [Fact]
    public async Task WhenConfiguredAnOptionSymbolIsAnAssetOfClassUsOption()
    {
        _host.WithSetting("Sandbox:Assets:OptionsOnAssetsEndpoint", "true");
        var paper = _host.Trading(SandboxEnvironment.Paper, _host.Token());

        using var response = await paper.GetAsync($"v2/assets/{AssetCatalog.AaplCall}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var asset = await response.JsonAsync();
        Assert.Equal(("us_option", AssetCatalog.AaplCall), (asset.Str("class"), asset.Str("symbol")));
        Assert.False(asset.GetProperty("fractionable").GetBoolean());
    }

    public void Dispose() => _host.Dispose();
}
