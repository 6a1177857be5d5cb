using System.Text.Json;
using AlpacaConnect.Gql.Tests.Trading.Reads;

namespace AlpacaConnect.Gql.Tests.Positions;

public sealed class PositionQueryTests : IDisposable
{
    private const string Fields = "symbol assetId assetClass exchange side qty qtyAvailable avgEntryPrice marketValue costBasis unrealizedPl unrealizedPlpc currentPrice lastdayPrice changeToday";
    private readonly ReadsHost _host = new();

    [Fact]
    public async Task APositionAppearsAfterAMarketBuyFillsWithEveryAmountAsADecimalString()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 10m, 190m);

        var response = await _host.QueryAsync("app-alice", $"{{ positions {{ {Fields} }} position(symbol: \"aapl\") {{ symbol qty }} }}");

        Assert.Empty(response.Errors);
        var position = Assert.Single(response.Data.GetProperty("positions").EnumerateArray());
        Assert.Equal("AAPL", position.GetProperty("symbol").GetString());
        Assert.Equal("US_EQUITY", position.GetProperty("assetClass").GetString());
        Assert.Equal("LONG", position.GetProperty("side").GetString());
        Assert.Equal(10m, position.Amount("qty"));
        Assert.Equal(10m, position.Amount("qtyAvailable"));
        Assert.Equal(190.01m, position.Amount("avgEntryPrice")); // a market buy fills at the ask
        Assert.Equal(1900.1m, position.Amount("costBasis"));
        foreach (var money in new[] { "marketValue", "unrealizedPl", "unrealizedPlpc", "currentPrice", "lastdayPrice", "changeToday" })
        {
            _ = position.Amount(money);
        }

        Assert.Equal(10m, response.Data.GetProperty("position").Amount("qty"));
    }

    [Fact]
    public async Task APositionNotHeldIsNull()
    {
        await _host.ConnectAsync("app-alice", "alice");

        var response = await _host.QueryAsync("app-alice", "{ position(symbol: \"MSFT\") { qty } positions { symbol } }");

        Assert.Empty(response.Errors);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("position").ValueKind);
        Assert.Equal(0, response.Data.GetProperty("positions").GetArrayLength());
    }

    [Fact]
    public async Task HundredConcurrentPositionsQueriesFromOneUserMakeOneUpstreamCall()
    {
        _host.WithSetting("Trading:Cache:PositionsTtl", "00:01:00"); // no expiry mid-test, however slow the machine
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 3m, 100m);
        using var app = _host.Driver.AppClient("app-alice");
        var before = _host.Upstream("GET /v2/positions");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            TestHost.GraphQLHttp.PostGraphQLAsync(app, "{ positions { symbol qty } }")));

        Assert.All(responses, r => Assert.Empty(r.Errors));
        Assert.All(responses, r => Assert.Equal(3m, r.Data.GetProperty("positions")[0].Amount("qty")));
        Assert.Equal(1, _host.Upstream("GET /v2/positions") - before);
    }

    [Fact]
    public async Task AliasedReadsInOneRequestMakeOneUpstreamCallEach()
    {
        // Nothing reused between requests: only the per-request loader can make this one call each.
        _host.WithSetting("Trading:Cache:AccountTtl", "00:00:00").WithSetting("Trading:Cache:PositionsTtl", "00:00:00");
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 2m, 100m);
        var positionsBefore = _host.Upstream("GET /v2/positions");
        var accountBefore = _host.Upstream("GET /v2/account");

        var response = await _host.QueryAsync("app-alice", """
            {
              a: positions { symbol }
              b: positions { qty }
              aapl: position(symbol: "AAPL") { qty }
              msft: position(symbol: "MSFT") { qty }
              x: account { cash }
              y: account { equity }
            }
            """);

        Assert.Empty(response.Errors);
        Assert.Equal(2m, response.Data.GetProperty("aapl").Amount("qty"));
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("msft").ValueKind);
        Assert.Equal(1, _host.Upstream("GET /v2/positions") - positionsBefore);
        Assert.Equal(1, _host.Upstream("GET /v2/account") - accountBefore);
        Assert.Equal(0, _host.Upstream("GET /v2/positions/{symbolOrAssetId}"));
    }

    [Fact]
    public async Task EachUserSeesOnlyTheirOwnPositions()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.ConnectAsync("app-bob", "bob");
        await _host.BuyAndFillAsync("alice", "AAPL", 5m, 100m);
        await _host.BuyAndFillAsync("bob", "MSFT", 7m, 300m);

        var reads = await Task.WhenAll(
            _host.QueryAsync("app-alice", "{ positions { symbol qty } msft: position(symbol: \"MSFT\") { qty } }"),
            _host.QueryAsync("app-bob", "{ positions { symbol qty } aapl: position(symbol: \"AAPL\") { qty } }"));

        var alice = Assert.Single(reads[0].Data.GetProperty("positions").EnumerateArray());
        Assert.Equal(("AAPL", 5m), (alice.GetProperty("symbol").GetString(), alice.Amount("qty")));
        Assert.Equal(JsonValueKind.Null, reads[0].Data.GetProperty("msft").ValueKind);
        var bob = Assert.Single(reads[1].Data.GetProperty("positions").EnumerateArray());
        Assert.Equal(("MSFT", 7m), (bob.GetProperty("symbol").GetString(), bob.Amount("qty")));
        Assert.Equal(JsonValueKind.Null, reads[1].Data.GetProperty("aapl").ValueKind);
    }

    [Fact]
    public async Task APositionsIdIsTheSameOnEveryReadAndDiffersByAccountAndSymbol()
    {
        _host.WithSetting("Trading:Cache:PositionsTtl", "00:00:00");
        await _host.ConnectAsync("app-alice", "alice");
        await _host.ConnectAsync("app-bob", "bob");
        await _host.BuyAndFillAsync("alice", "AAPL", 1m, 100m);
        await _host.BuyAndFillAsync("alice", "MSFT", 1m, 100m);
        await _host.BuyAndFillAsync("bob", "AAPL", 1m, 100m);

        var first = await _host.QueryAsync("app-alice", "{ positions { id symbol } one: position(symbol: \"aapl\") { id } }");
        await _host.BuyAndFillAsync("alice", "AAPL", 1m, 120m);
        var second = await _host.QueryAsync("app-alice", "{ position(symbol: \"AAPL\") { id qty } }");
        var bob = await _host.QueryAsync("app-bob", "{ position(symbol: \"AAPL\") { id } }");

        var ids = first.Data.GetProperty("positions").EnumerateArray().ToDictionary(p => p.GetProperty("symbol").GetString()!, p => p.GetProperty("id").GetString()!);
        Assert.Equal(ids["AAPL"], first.Data.GetProperty("one").GetProperty("id").GetString());
        Assert.Equal(ids["AAPL"], second.Data.GetProperty("position").GetProperty("id").GetString());
        Assert.Equal(2m, second.Data.GetProperty("position").Amount("qty"));
        Assert.NotEqual(ids["AAPL"], ids["MSFT"]);
        Assert.NotEqual(ids["AAPL"], bob.Data.GetProperty("position").GetProperty("id").GetString());
    }

    public void Dispose() => _host.Dispose();
}
