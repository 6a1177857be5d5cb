using System.Text.Json;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.Trading.Reads;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Gql.Tests.Market;

/// <summary>The order ticket's reads through GraphQL against the sandbox: asset facts, ticker search, quotes and bars.</summary>
public sealed class OrderTicketQueryTests : IDisposable
{
    private const string AssetFields =
        "id symbol name assetClass exchange status tradable fractionable shortable easyToBorrow marginable minOrderSize minTradeIncrement priceIncrement";

    private readonly ReadsHost _host = new();

    [Fact]
    public async Task AnAssetCarriesWhatTheTicketNeedsAndSharesTheOrderChecksCache()
    {
        await _host.ConnectAsync("app-alice", "alice");

        var response = await _host.QueryAsync("app-alice",
            $$"""{ apple: asset(symbol: " aapl ") { {{AssetFields}} } btc: asset(symbol: "BTC/USD") { {{AssetFields}} } }""");
        var again = await _host.QueryAsync("app-alice", """{ asset(symbol: "AAPL") { symbol } }""");

        Assert.Empty(response.Errors);
        var apple = response.Data.GetProperty("apple");
        Assert.Equal(("AAPL", "US_EQUITY", "NASDAQ", "ACTIVE"), (apple.Str("symbol"), apple.Str("assetClass"), apple.Str("exchange"), apple.Str("status")));
        Assert.True(apple.GetProperty("tradable").GetBoolean() && apple.GetProperty("fractionable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, apple.GetProperty("minOrderSize").ValueKind);
        var btc = response.Data.GetProperty("btc");
        Assert.Equal(("CRYPTO", "0.0001", "0.0001", "1"), (btc.Str("assetClass"), btc.Str("minOrderSize"), btc.Str("minTradeIncrement"), btc.Str("priceIncrement")));
        Assert.False(btc.GetProperty("marginable").GetBoolean());
        Assert.Equal("AAPL", again.Data.GetProperty("asset").Str("symbol"));
        Assert.Equal(2, _host.Upstream("GET /v2/assets/{symbol}")); // AAPL once for both requests, BTC/USD once
    }

    [Fact]
    public async Task AnUnknownSymbolIsANullAssetAndABadShapeNeverReachesAlpaca()
    {
        await _host.ConnectAsync("app-alice", "alice");

        var unknown = await _host.QueryAsync("app-alice", """{ asset(symbol: "NOPE") { id } }""");
        var before = _host.Upstream("GET /v2/assets/{symbol}");
        var hostile = await _host.QueryAsync("app-alice", """{ asset(symbol: "../account") { id } }""");

        Assert.Empty(unknown.Errors);
        Assert.Equal(JsonValueKind.Null, unknown.Data.GetProperty("asset").ValueKind);
        Assert.Equal(["BAD_USER_INPUT"], hostile.ErrorCodes);
        Assert.Equal(before, _host.Upstream("GET /v2/assets/{symbol}"));
    }

    [Fact]
    public async Task SearchRanksTheExactSymbolThenSymbolPrefixesThenNameWordsAndPagesByCursor()
    {
        await _host.ConnectAsync("app-alice", "alice");

        var aa = await Search("AA", 10);
        var apple = await Search("apple", 10);
        var first = await Search("a", 2);
        var cursor = first.GetProperty("pageInfo").Str("endCursor");
        var next = await _host.QueryAsync("app-alice", $$"""{ assets(search: "a", first: 2, after: "{{cursor}}") { edges { node { symbol } } } }""");
        await Search("btcusd", 5);

        Assert.Equal(["AA", "AAL", "AAPL"], Symbols(aa)); // exact, then prefixes shortest first; no name word starts with AA
        Assert.Equal(["AAPL", "APLE"], Symbols(apple)); // name words only, by symbol
        Assert.Equal(["A", "AA"], Symbols(first));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["AAL", "AAPL"], next.Data.GetProperty("assets").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Str("symbol")));
        Assert.DoesNotContain(AssetCatalog.DelistedSymbol, Symbols(await Search("sbx", 10)));
        Assert.Equal([AssetCatalog.BtcUsd], Symbols(await Search("btcusd", 5)));
        Assert.Equal(2, _host.Upstream("GET /v2/assets")); // equities and crypto, once for every search above
    }

    [Fact]
    public async Task QuotesAreSnapshotsInTheOrderAskedWithNothingForAnUnknownSymbol()
    {
        await _host.ConnectAsync("app-alice", "alice");
        _host.Control.SetPrice("AAPL", 201.25m);
        _host.Control.SetPrice(AssetCatalog.BtcUsd, 61_000m);

        var response = await _host.QueryAsync("app-alice", """
            { quotes(symbols: ["aapl", "NOPE", "BTC/USD", "AAPL"]) {
                symbol found previousClose
                latestTrade { price size timestamp }
                latestQuote { bidPrice askPrice bidSize askSize }
                minuteBar { close } dailyBar { open close volume timestamp } previousDailyBar { close timestamp } } }
            """);

        Assert.Empty(response.Errors);
        var quotes = response.Data.GetProperty("quotes").EnumerateArray().ToList();
        Assert.Equal(["AAPL", "NOPE", "BTC/USD"], quotes.Select(q => q.Str("symbol")));
        Assert.Equal("201.25", quotes[0].GetProperty("latestTrade").Str("price"));
        Assert.Equal("201.25", quotes[0].GetProperty("dailyBar").Str("close"));
        Assert.Equal(quotes[0].GetProperty("previousDailyBar").Str("close"), quotes[0].Str("previousClose"));
        Assert.True(quotes[0].GetProperty("latestQuote").Amount("bidPrice") < quotes[0].GetProperty("latestQuote").Amount("askPrice"));
        Assert.False(quotes[1].GetProperty("found").GetBoolean());
        Assert.Equal(JsonValueKind.Null, quotes[1].GetProperty("latestTrade").ValueKind);
        Assert.Equal("61000", quotes[2].GetProperty("latestTrade").Str("price"));
        Assert.Equal(1, _host.Upstream("GET /data/v2/stocks/snapshots"));
        Assert.Equal(1, _host.Upstream("GET /data/v1beta3/crypto/us/snapshots"));
    }

    [Fact]
    public async Task BarsFollowPageTokensUpToFirstAndSayWhenMoreExist()
    {
        _host.WithSetting("Market:MaxBarPages", "3");
        await _host.ConnectAsync("app-alice", "alice");

        var all = await Bars("2026-01-05T00:00:00Z", "2026-01-31T00:00:00Z", 100);
        var cut = await Bars("2026-01-05T00:00:00Z", "2026-01-31T00:00:00Z", 7);

        Assert.Equal(20, all.GetProperty("bars").GetArrayLength()); // the weekdays of January 5 to 30
        Assert.False(all.GetProperty("hasMore").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 5, 0, 0, TimeSpan.Zero), all.GetProperty("bars")[0].GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(7, cut.GetProperty("bars").GetArrayLength());
        Assert.True(cut.GetProperty("hasMore").GetBoolean());
        Assert.Equal(("AAPL", "ONE_DAY"), (all.Str("symbol"), all.Str("timeframe")));
        var bar = all.GetProperty("bars")[3];
        Assert.True(bar.Amount("low") <= bar.Amount("open") && bar.Amount("open") <= bar.Amount("high"));
    }

    [Theory]
    [InlineData("""{ quotes(symbols: []) { symbol } }""")]
    [InlineData("""{ quotes(symbols: ["AAPL270115C00200000"]) { symbol } }""")]
    [InlineData("""{ quotes(symbols: ["AA PL"]) { symbol } }""")]
    [InlineData("""{ assets(search: "") { totalCount } }""")]
    [InlineData("""{ assets(search: "abcdefghijklmnopqrstuvwxyzabcdefg") { totalCount } }""")]
    [InlineData("""{ assets(search: "a", first: 51) { totalCount } }""")]
    [InlineData("""{ assets(search: "a", after: "bm90LWEtY3Vyc29y") { totalCount } }""")]
    [InlineData("""{ bars(symbol: "AAPL", timeframe: ONE_DAY, start: "2026-02-01T00:00:00Z", end: "2026-01-01T00:00:00Z") { hasMore } }""")]
    [InlineData("""{ bars(symbol: "AAPL", timeframe: ONE_DAY, start: "2026-01-01T00:00:00Z", first: 1001) { hasMore } }""")]
    [InlineData("""{ bars(symbol: "BTC/USD", timeframe: ONE_DAY, start: "2026-01-01T00:00:00Z") { hasMore } }""")]
    public async Task BadInputIsATypedClientErrorAndNothingIsCalledUpstream(string query)
    {
        await _host.ConnectAsync("app-alice", "alice");
        var before = _host.Control.Requests.Count;

        var response = await _host.QueryAsync("app-alice", query);

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Equal(before, _host.Control.Requests.Count);
    }

    [Fact]
    public async Task TooManySymbolsAndAnUnknownTimeframeAreRefused()
    {
        await _host.ConnectAsync("app-alice", "alice");
        var many = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"S{i}\""));

        var tooMany = await _host.QueryAsync("app-alice", $$"""{ quotes(symbols: [{{many}}]) { symbol } }""");
        var badTimeframe = await _host.QueryAsync("app-alice", """{ bars(symbol: "AAPL", timeframe: TEN_YEARS, start: "2026-01-01T00:00:00Z") { hasMore } }""");

        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);
        Assert.Single(badTimeframe.Errors); // a value outside the enum fails validation before anything runs
        Assert.NotEqual("INTERNAL_SERVER_ERROR", badTimeframe.ErrorCodes[0]);
    }

    private async Task<JsonElement> Search(string search, int first)
    {
        var response = await _host.QueryAsync("app-alice",
            $$"""{ assets(search: "{{search}}", first: {{first}}) { totalCount edges { cursor node { symbol name } } pageInfo { hasNextPage endCursor } } }""");
        Assert.Empty(response.Errors);
        return response.Data.GetProperty("assets");
    }

    private async Task<JsonElement> Bars(string start, string end, int first)
    {
        var response = await _host.QueryAsync("app-alice",
            $$"""{ bars(symbol: "AAPL", timeframe: ONE_DAY, start: "{{start}}", end: "{{end}}", first: {{first}}) { symbol timeframe hasMore bars { timestamp open high low close volume tradeCount vwap } } }""");
        Assert.Empty(response.Errors);
        return response.Data.GetProperty("bars");
    }

    private static List<string> Symbols(JsonElement assets) =>
        assets.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Str("symbol")).ToList();

    public void Dispose() => _host.Dispose();
}
