using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>
/// The asset list, snapshots and bars in the facts the response schemas cannot say (facts-more 3.1, 4.4, 4.5): order,
/// filters, the stock map without a wrapper, the crypto wrapper, paging by token, and 422 for bad parameters.
/// </summary>
public sealed class MarketDataConformanceTests : IClassFixture<SandboxHost>, IDisposable
{
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;
    private readonly HttpClient _data;

    public MarketDataConformanceTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        var token = host.Token();
        _paper = host.Trading(SandboxEnvironment.Paper, token);
        _data = new HttpClient { BaseAddress = new Uri(host.BaseUri, SandboxPaths.MarketData + "/") };
        _data.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    [Fact]
    public async Task TheAssetListIsOneBareArraySortedByExchangeThenSymbolAndFilteredByStatusAndClass()
    {
        var active = await (await _paper.GetAsync("v2/assets?status=active")).JsonAsync();
        var every = await (await _paper.GetAsync("v2/assets")).JsonAsync();
        var crypto = await (await _paper.GetAsync("v2/assets?asset_class=crypto")).JsonAsync();

        var listed = active.EnumerateArray().Select(a => (a.Str("exchange"), a.Str("symbol"))).ToList();
        Assert.Equal(listed.OrderBy(a => a.Item1, StringComparer.Ordinal).ThenBy(a => a.Item2, StringComparer.Ordinal), listed);
        Assert.All(active.EnumerateArray(), a => Assert.Equal(("us_equity", "active"), (a.Str("class"), a.Str("status"))));
        Assert.DoesNotContain(listed, a => a.Item2 == AssetCatalog.DelistedSymbol);
        var delisted = Assert.Single(every.EnumerateArray(), a => a.Str("symbol") == AssetCatalog.DelistedSymbol);
        Assert.False(delisted.GetProperty("tradable").GetBoolean());
        Assert.Equal([AssetCatalog.BtcUsd, AssetCatalog.EthUsd], crypto.EnumerateArray().Select(a => a.Str("symbol")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StockSnapshotsAreTheSymbolMapItselfAndCryptoSnapshotsAreWrapped()
    {
        _host.Control.SetPrice("AAPL", 201.50m);

        var stocks = await (await _data.GetAsync("v2/stocks/snapshots?symbols=AAPL,NOPE&feed=iex")).JsonAsync();
        var crypto = await (await _data.GetAsync("v1beta3/crypto/us/snapshots?symbols=BTC/USD")).JsonAsync();

        Assert.Equal(["AAPL"], stocks.EnumerateObject().Select(p => p.Name));
        var apple = stocks.GetProperty("AAPL");
        Assert.Equal(201.50m, apple.GetProperty("latestTrade").GetProperty("p").GetDecimal());
        Assert.Equal(201.50m, apple.GetProperty("dailyBar").GetProperty("c").GetDecimal());
        Assert.True(apple.GetProperty("prevDailyBar").GetProperty("t").GetDateTimeOffset() < apple.GetProperty("dailyBar").GetProperty("t").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Object, crypto.GetProperty("snapshots").GetProperty(AssetCatalog.BtcUsd).ValueKind);
    }

    [Fact]
    public async Task BarsPageByTokenWithoutGapsOrRepeats()
    {
        const string Query = "v2/stocks/AAPL/bars?timeframe=1Day&start=2026-01-05T00:00:00Z&end=2026-01-31T00:00:00Z&feed=iex";
        var all = await (await _data.GetAsync(Query + "&limit=100")).JsonAsync();
        var stamps = new List<string>();
        string? token = null;
        do
        {
            var page = await (await _data.GetAsync(Query + "&limit=7" + (token is null ? "" : "&page_token=" + Uri.EscapeDataString(token)))).JsonAsync();
            stamps.AddRange(page.GetProperty("bars").EnumerateArray().Select(b => b.Str("t")));
            token = page.GetProperty("next_page_token").GetString();
        }
        while (token is not null);

        Assert.Equal(all.GetProperty("bars").EnumerateArray().Select(b => b.Str("t")), stamps);
        Assert.Equal(20, stamps.Count); // the weekdays of January 5 to 30, 2026 (no holidays here), stamped at New York midnight
        Assert.Equal("2026-01-05T05:00:00Z", stamps[0]);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next_page_token").ValueKind);
    }

    [Theory]
    [InlineData("timeframe=7Fortnight", "invalid timeframe")]
    [InlineData("timeframe=1Day&start=2026-02-01&end=2026-01-01", "end should not be before start")]
    [InlineData("timeframe=1Day&limit=10001", "invalid limit")]
    [InlineData("timeframe=1Day&page_token=bm9wZQ==", "invalid page token")]
    public async Task BadBarParametersAnswer422WithTheInvalidParameterCode(string query, string message)
    {
        using var response = await _data.GetAsync("v2/stocks/AAPL/bars?" + query);

        await response.AssertErrorAsync(422, 42210000, message);
    }

    [Fact]
    public async Task BarsWithoutTheDataScopeAreRefusedAsAScopeProblem()
    {
        using var data = new HttpClient { BaseAddress = new Uri(_host.BaseUri, SandboxPaths.MarketData + "/") };
        data.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _host.Token(scope: "trading"));

        using var response = await data.GetAsync("v2/stocks/snapshots?symbols=AAPL");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("scope", (await response.JsonAsync()).Str("message"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _paper.Dispose();
        _data.Dispose();
    }
}
