using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Assets, option contracts and the option and crypto latest quotes (facts-more 3 and 4.6), as the client reads and sends them.</summary>
public sealed class AssetAndContractTests : IDisposable
{
    private readonly AlpacaTestHost _host = new();

    [Fact]
    public async Task ACryptoSymbolWithASlashIsSentAsOneEscapedSegment()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/assets/BTC%2FUSD", CryptoAsset);

        var asset = await _host.Trading(_host.Connect()).GetAssetAsync("BTC/USD");

        var request = Assert.Single(_host.Upstream.Received);
        Assert.EndsWith("/v2/assets/BTC%2FUSD", request.Uri.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["/", "sandbox/", "paper/", "v2/", "assets/", "BTC%2FUSD"], request.Uri.Segments);
        Assert.Equal("BTC/USD", asset.Symbol);
    }

    [Fact]
    public async Task EveryCryptoAssetFieldIsMappedFromStrings()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/assets/BTCUSD", CryptoAsset);

        var asset = await _host.Trading(_host.Connect()).GetAssetAsync("BTCUSD");

        Assert.Equal(Guid.Parse("276e2673-764b-4ab6-a611-caf665ca6340"), asset.Id);
        Assert.Equal(("crypto", "CRYPTO", "BTC/USD pair"), (asset.AssetClass, asset.Exchange, asset.Name));
        Assert.Equal(AlpacaAssetStatus.Active, asset.Status);
        Assert.True(asset.Tradable);
        Assert.True(asset.Fractionable);
        Assert.False(asset.Marginable);
        Assert.False(asset.Shortable);
        Assert.Equal((0.0001m, 0.0001m, 1m), (asset.MinOrderSize, asset.MinTradeIncrement, asset.PriceIncrement));
        Assert.Null(asset.BorrowStatus);
    }

    [Fact]
    public async Task EquityMarginFieldsReadFromNumbersAndStringsAndUnknownClassesStayStrings()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/assets/NEWCO", """
            {"id":"0a6c9d59-5c43-4a2a-8d0c-6d6f0f1c2b3a","class":"ipo","exchange":"NASDAQ","symbol":"NEWCO","name":"New Co",
             "status":"inactive","tradable":false,"marginable":true,"shortable":true,"easy_to_borrow":true,
             "borrow_status":"hard_to_borrow","fractionable":false,"cusip":"123456789","maintenance_margin_requirement":30,
             "margin_requirement_long":"30","margin_requirement_short":"100","min_order_size":1,"min_trade_increment":"1",
             "price_increment":0.01,"attributes":["ipo","has_options"]}
            """);

        var asset = await _host.Trading(_host.Connect()).GetAssetAsync("NEWCO");

        Assert.Equal("ipo", asset.AssetClass);
        Assert.Equal(AlpacaAssetStatus.Inactive, asset.Status);
        Assert.False(asset.Tradable);
        Assert.True(asset.Shortable);
        Assert.Equal(("123456789", "hard_to_borrow"), (asset.Cusip, asset.BorrowStatus));
        Assert.Equal((30m, 30m, 100m), (asset.MaintenanceMarginRequirement, asset.MarginRequirementLong, asset.MarginRequirementShort));
        Assert.Equal((1m, 1m, 0.01m), (asset.MinOrderSize, asset.MinTradeIncrement, asset.PriceIncrement));
        Assert.Equal(["ipo", "has_options"], asset.Attributes);
    }

    [Fact]
    public async Task ACryptoPerpAssetReads()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/assets/BTC-PERP", """
            {"id":"6b0f1d4e-3f3c-4a55-9d6e-1c2b3a4d5e6f","class":"crypto_perp","exchange":"CRYPTO","symbol":"BTC-PERP","name":"BTC perpetual",
             "status":"active","tradable":true,"marginable":true,"shortable":true,"easy_to_borrow":false,"fractionable":true}
            """);

        var asset = await _host.Trading(_host.Connect()).GetAssetAsync("BTC-PERP");

        Assert.Equal("crypto_perp", asset.AssetClass);
        Assert.Null(asset.MinOrderSize);
    }

    [Fact]
    public async Task AnOptionContractReadsItsStringNumbers()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/options/contracts/AAPL270115C00200000", """
            {"id":"5e8d4c1a-2b3c-4d5e-8f9a-0b1c2d3e4f50","symbol":"AAPL270115C00200000","name":"AAPL Jan 15 2027 200 Call",
             "status":"active","tradable":true,"expiration_date":"2027-01-15","root_symbol":"AAPL","underlying_symbol":"AAPL",
             "underlying_asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","type":"call","style":"american",
             "strike_price":"200","multiplier":"100","size":"100","open_interest":"237","close_price":"5.1"}
            """);

        var contract = await _host.Trading(_host.Connect()).GetOptionContractAsync("AAPL270115C00200000");

        Assert.Equal("AAPL270115C00200000", contract.Symbol);
        Assert.Equal(new DateOnly(2027, 1, 15), contract.ExpirationDate);
        Assert.Equal(("AAPL", "call", "american"), (contract.UnderlyingSymbol, contract.Type, contract.Style));
        Assert.Equal((200m, 100m, 100m, 5.1m), (contract.StrikePrice, contract.Multiplier, contract.Size, contract.ClosePrice));
        Assert.Equal(AlpacaAssetStatus.Active, contract.Status);
        Assert.True(contract.Tradable);
    }

    [Fact]
    public async Task AnOptionContractWithoutAMultiplierReadsAsNullNot100()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/options/contracts/SBXN270115C00040000", """
            {"id":"7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","symbol":"SBXN270115C00040000","name":"SBXN Jan 15 2027 40 Call",
             "status":"active","tradable":true,"expiration_date":"2027-01-15","underlying_symbol":"SBXN","type":"call",
             "style":"american","strike_price":40,"size":"150"}
            """);

        var contract = await _host.Trading(_host.Connect()).GetOptionContractAsync("SBXN270115C00040000");

        Assert.Null(contract.Multiplier);
        Assert.Equal((40m, 150m), (contract.StrikePrice, contract.Size));
    }

    [Fact]
    public async Task AnUnknownContractIsNotFound()
    {
        var error = await Assert.ThrowsAsync<AlpacaApiException>(() =>
            _host.Trading(_host.Connect()).GetOptionContractAsync("NOPE270115C00001000"));

        Assert.Equal(AlpacaErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task TheLatestOptionQuoteComesFromTheSpecsPathWithItsConditionString()
    {
        _host.Upstream.OnJson("GET", "/sandbox/data/v1beta1/options/quotes/latest", """
            {"quotes":{"AAPL270115C00200000":{"t":"2026-01-05T15:00:00.123456789Z","bx":"W","bp":4.95,"bs":12,"ax":"X","ap":5.05,"as":30,"c":"A"}}}
            """);

        var quote = await _host.Trading(_host.Connect()).GetLatestOptionQuoteAsync("AAPL270115C00200000");

        var request = Assert.Single(_host.Upstream.Received);
        Assert.Equal("?symbols=AAPL270115C00200000", request.Uri.Query);
        Assert.Equal(("AAPL270115C00200000", 4.95m, 5.05m, 12m, 30m), (quote.Symbol, quote.BidPrice, quote.AskPrice, quote.BidSize, quote.AskSize));
        Assert.Equal(["A"], quote.Conditions);
    }

    [Fact]
    public async Task ASymbolLeftOutOfTheQuotesMapIsNotFound()
    {
        _host.Upstream.OnJson("GET", "/sandbox/data/v1beta1/options/quotes/latest", """{"quotes":{}}""");
        _host.Upstream.OnJson("GET", "/sandbox/data/v1beta3/crypto/us/latest/quotes", """{"quotes":{}}""");
        var trading = _host.Trading(_host.Connect());

        var option = await Assert.ThrowsAsync<AlpacaApiException>(() => trading.GetLatestOptionQuoteAsync("AAPL270115P00180000"));
        var crypto = await Assert.ThrowsAsync<AlpacaApiException>(() => trading.GetLatestCryptoQuoteAsync("DOGE/USD"));

        Assert.Equal((AlpacaErrorKind.NotFound, AlpacaErrorKind.NotFound), (option.Kind, crypto.Kind));
    }

    [Fact]
    public async Task TheLatestCryptoQuoteKeepsTheSlashSymbolAndFractionalSizes()
    {
        _host.Upstream.OnJson("GET", "/sandbox/data/v1beta3/crypto/us/latest/quotes", """
            {"quotes":{"BTC/USD":{"ap":60001,"as":0.3544,"bp":59999,"bs":1.25,"t":"2026-01-05T15:00:00.44347136Z"}}}
            """);

        var quote = await _host.Trading(_host.Connect()).GetLatestCryptoQuoteAsync("BTC/USD");

        var request = Assert.Single(_host.Upstream.Received);
        Assert.Equal("symbols=BTC/USD", Uri.UnescapeDataString(request.Uri.Query.TrimStart('?')));
        Assert.Equal(("BTC/USD", 59999m, 1.25m, 60001m, 0.3544m), (quote.Symbol, quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize));
        Assert.Empty(quote.Conditions);
    }

    private const string CryptoAsset = """
        {"id":"276e2673-764b-4ab6-a611-caf665ca6340","class":"crypto","exchange":"CRYPTO","symbol":"BTC/USD",
         "name":"BTC/USD pair","status":"active","tradable":true,"marginable":false,"shortable":false,
         "easy_to_borrow":false,"fractionable":true,"min_order_size":"0.0001","min_trade_increment":"0.0001",
         "price_increment":"1"}
        """;

    public void Dispose() => _host.Dispose();
}
