using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.Trading.Reads;

namespace AlpacaConnect.Gql.Tests.Market;

/// <summary>
/// What the ticket's market data costs upstream and how its failures read: one snapshot call for many users (cached per
/// feed), a budget of its own, and each error mapping once (not connected, re-auth required, scope missing, rate limited).
/// </summary>
public sealed class MarketDataUpstreamTests : IDisposable
{
    private const string Quotes = """{ quotes(symbols: ["AAPL", "MSFT"]) { symbol latestTrade { price } } }""";

    private readonly ReadsHost _host = new();

    [Fact]
    public async Task ManyUsersAskingForTheSameQuotesMakeOneUpstreamSnapshotCall()
    {
        _host.WithSetting("Market:SnapshotTtl", "00:01:00"); // long enough that a slow machine cannot let it lapse mid-test
        string[] users = ["alice", "bob", "carol"];
        foreach (var user in users)
        {
            await _host.ConnectAsync("app-" + user, user);
        }

        var sequential = new List<TestHost.GraphQLResponse>();
        foreach (var user in users)
        {
            sequential.Add(await _host.QueryAsync("app-" + user, Quotes));
        }

        var together = await Task.WhenAll(users.Select(u => _host.QueryAsync("app-" + u, """{ quotes(symbols: ["MSFT", "AAPL"]) { symbol } }""")));

        Assert.All(sequential.Concat(together), r => Assert.Empty(r.Errors));
        Assert.Equal(1, _host.Upstream("GET /data/v2/stocks/snapshots")); // the set in another order is the same set
    }

    [Fact]
    public async Task MarketDataSpendsItsOwnBudgetNotTheTradingOne()
    {
        _host.WithSetting("Market:SnapshotTtl", "00:00:00")
            .WithSetting("Alpaca:RateLimit:PermitLimit", "4")
            .WithSetting("Alpaca:RateLimit:Window", "00:10:00")
            .WithSetting("Alpaca:RateLimit:MaxQueueWait", "00:00:00");
        await _host.ConnectAsync("app-alice", "alice");

        var allowed = new List<TestHost.GraphQLResponse>();
        for (var i = 0; i < 4; i++)
        {
            allowed.Add(await _host.QueryAsync("app-alice", Quotes));
        }

        var refused = await _host.QueryAsync("app-alice", Quotes);
        var account = await _host.QueryAsync("app-alice", "{ account { cash } }");

        Assert.All(allowed, r => Assert.Empty(r.Errors));
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
        Assert.True(refused.Errors[0].GetProperty("extensions").TryGetProperty("retryAfter", out _));
        Assert.Empty(account.Errors); // four data calls left the trading budget untouched
        Assert.Equal(4, _host.Upstream("GET /data/v2/stocks/snapshots"));
    }

    [Fact]
    public async Task AConnectionWithoutTheDataScopeGetsAnErrorNamingItAndStaysConnected()
    {
        _host.WithSetting("Alpaca:Scopes", "account:write trading");
        await _host.ConnectAsync("app-alice", "alice");

        var quotes = await _host.QueryAsync("app-alice", Quotes);
        var bars = await _host.QueryAsync("app-alice", """{ bars(symbol: "AAPL", timeframe: ONE_HOUR, start: "2026-01-05T00:00:00Z") { hasMore } }""");
        var connection = await _host.Driver.ConnectionAsync("app-alice");

        Assert.Equal(["SCOPE_MISSING"], quotes.ErrorCodes);
        Assert.Equal("data", quotes.Errors[0].GetProperty("extensions").Str("scope"));
        Assert.Equal(["SCOPE_MISSING"], bars.ErrorCodes);
        Assert.Equal("CONNECTED", connection.Str("status"));
    }

    [Fact]
    public async Task WithoutAConnectionTheTicketIsNotConnectedAndNothingIsCalledUpstream()
    {
        foreach (var query in new[]
        {
            Quotes, """{ asset(symbol: "AAPL") { id } }""", """{ assets(search: "A") { totalCount } }""",
            """{ bars(symbol: "AAPL", timeframe: ONE_DAY, start: "2026-01-05T00:00:00Z") { hasMore } }""",
        })
        {
            Assert.Equal(["NOT_CONNECTED"], (await _host.QueryAsync("app-nobody", query)).ErrorCodes);
        }

        Assert.Empty(_host.Control.Requests);
    }

    [Fact]
    public async Task ARevokedTokenIsReauthRequired()
    {
        await _host.ConnectAsync("app-alice", "alice");
        var fingerprint = _host.Control.Requests.Last(r => r.Route == "GET /v2/account").TokenFingerprint!;
        Assert.Equal(1, _host.Control.RevokeTokenByFingerprint(fingerprint));

        var refused = await _host.QueryAsync("app-alice", Quotes);
        var connection = await _host.Driver.ConnectionAsync("app-alice");

        Assert.Equal(["REAUTH_REQUIRED"], refused.ErrorCodes);
        Assert.Equal("REAUTH_REQUIRED", connection.Str("status"));
    }

    public void Dispose() => _host.Dispose();
}
