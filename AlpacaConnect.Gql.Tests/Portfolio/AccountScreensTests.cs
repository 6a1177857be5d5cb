using System.Text.Json;
using AlpacaConnect.Gql.Tests.Trading.Reads;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Faults;

namespace AlpacaConnect.Gql.Tests.Portfolio;

/// <summary>portfolioHistory, marketCalendar, activities and watchlists through GraphQL against the sandbox, and their error mappings.</summary>
public sealed class AccountScreensTests : IDisposable
{
    private static readonly string[] TechSymbols = ["aapl", "MSFT"];
    private readonly ReadsHost _host = new();

    [Fact]
    public async Task TheEquityChartHasAPointPerTradingDayAndBadPeriodsAreClientErrorsThatCallNothing()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 10m, 100m);

        var chart = await _host.QueryAsync("app-alice", "{ portfolioHistory(period: \"1M\", timeframe: ONE_DAY) { timeframe baseValue points { timestamp equity profitLoss profitLossPct } } }");
        var before = _host.UpstreamTradingCalls;
        var bad = await _host.QueryAsync("app-alice", "{ a: portfolioHistory(period: \"2M\", timeframe: ONE_HOUR) { timeframe } }");
        var shape = await _host.QueryAsync("app-alice", "{ portfolioHistory(period: \"1M/../x\") { timeframe } }");

        Assert.Empty(chart.Errors);
        var history = chart.Data.GetProperty("portfolioHistory");
        Assert.Equal("ONE_DAY", history.GetProperty("timeframe").GetString());
        var points = history.GetProperty("points").EnumerateArray().ToList();
        Assert.InRange(points.Count, 18, 24);
        Assert.All(points, p => Assert.Equal(JsonValueKind.String, p.GetProperty("equity").ValueKind));
        Assert.Equal(["BAD_USER_INPUT"], bad.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], shape.ErrorCodes);
        Assert.Equal(before, _host.UpstreamTradingCalls);
    }

    [Fact]
    public async Task TheCalendarShowsTradingDaysAndIsBounded()
    {
        await _host.ConnectAsync("app-alice", "alice");

        var week = await _host.QueryAsync("app-alice", "{ marketCalendar(start: \"2026-11-20\", end: \"2026-11-24\") { date open close earlyClose settlementDate } }");
        var tooLong = await _host.QueryAsync("app-alice", "{ marketCalendar(start: \"2020-01-01\", end: \"2026-01-01\") { date } }");

        Assert.Empty(week.Errors);
        var days = week.Data.GetProperty("marketCalendar").EnumerateArray().ToList();
        Assert.Equal(["2026-11-20", "2026-11-23", "2026-11-24"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.StartsWith("2026-11-20T16:00:00-05:00", days[0].GetProperty("close").GetString(), StringComparison.Ordinal);
        Assert.False(days[0].GetProperty("earlyClose").GetBoolean());
        Assert.Equal(["BAD_USER_INPUT"], tooLong.ErrorCodes);
    }

    [Fact]
    public async Task ActivitiesPageFillsAndCashMovementsNewestFirstAndABadCursorIsAClientError()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 1m, 100m); // placed outside this server
        _host.Control.AddActivity("alice", SandboxEnvironment.Paper, "CSD", 250m, description: "deposit");
        _host.Control.AddActivity("alice", SandboxEnvironment.Paper, "DIV", 0.5m, "CDIV", "AAPL", 1m, 0.5m);
        const string Query = "query($after: String) { activities(first: 2, after: $after) { edges { cursor node { __typename id activityType ... on FillActivity { symbol qty } ... on CashActivity { netAmount } } } pageInfo { hasNextPage endCursor } } }";

        var first = await _host.Driver.GraphQLAsync("app-alice", Query, new { after = (string?)null });
        var end = first.Data.GetProperty("activities").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = await _host.Driver.GraphQLAsync("app-alice", Query, new { after = end });
        var bad = await _host.Driver.GraphQLAsync("app-alice", Query, new { after = "not-a-cursor" });
        var tooMany = await _host.QueryAsync("app-alice", "{ activities(first: 500) { pageInfo { hasNextPage } } }");

        Assert.Empty(first.Errors);
        var page1 = first.Data.GetProperty("activities");
        Assert.True(page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var nodes = page1.GetProperty("edges").EnumerateArray().Concat(second.Data.GetProperty("activities").GetProperty("edges").EnumerateArray())
            .Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(["CSD", "DIV", "FILL"], nodes.Select(n => n.GetProperty("activityType").GetString()).Order(StringComparer.Ordinal));
        var fill = Assert.Single(nodes, n => n.GetProperty("__typename").GetString() == "FillActivity");
        Assert.Equal("AAPL", fill.GetProperty("symbol").GetString());
        Assert.False(second.Data.GetProperty("activities").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["BAD_USER_INPUT"], bad.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);
    }

    [Fact]
    public async Task AWatchlistIsCreatedRenamedChangedAndDeletedThroughGraphQL()
    {
        await _host.ConnectAsync("app-alice", "alice");

        var created = await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "Tech", symbols = TechSymbols });
        var id = created.GetProperty("watchlist").GetProperty("id").GetString()!;
        var renamed = await Mutate("renameWatchlist", "RenameWatchlistInput", new { watchlistId = id, name = "Big tech" });
        var added = await Mutate("addWatchlistSymbol", "AddWatchlistSymbolInput", new { watchlistId = id, symbol = "TSLA" });
        var removed = await Mutate("removeWatchlistSymbol", "RemoveWatchlistSymbolInput", new { watchlistId = id, symbol = "AAPL" });
        var duplicate = await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "Big tech" });
        var badSymbol = await Mutate("addWatchlistSymbol", "AddWatchlistSymbolInput", new { watchlistId = id, symbol = "../positions" });
        var read = await _host.QueryAsync("app-alice", "{ watchlists { id name assets { symbol } } }");
        var deleted = await Mutate("deleteWatchlist", "DeleteWatchlistInput", new { watchlistId = id });
        var gone = await Mutate("deleteWatchlist", "DeleteWatchlistInput", new { watchlistId = id });

        Assert.Equal(["AAPL", "MSFT"], Symbols(created));
        Assert.Equal("Big tech", renamed.GetProperty("watchlist").GetProperty("name").GetString());
        Assert.Equal(["AAPL", "MSFT"], Symbols(renamed));
        Assert.Equal(["AAPL", "MSFT", "TSLA"], Symbols(added));
        Assert.Equal(["MSFT", "TSLA"], Symbols(removed));
        Assert.Equal("WATCHLIST_NAME_TAKEN", Code(duplicate));
        Assert.Equal("BAD_USER_INPUT", Code(badSymbol));
        var list = Assert.Single(read.Data.GetProperty("watchlists").EnumerateArray());
        Assert.Equal(["MSFT", "TSLA"], list.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("symbol").GetString()));
        Assert.Equal(id, deleted.GetProperty("deletedWatchlistId").GetString());
        Assert.Equal("NOT_FOUND", Code(gone));
    }

    [Fact]
    public async Task AConnectionWithoutAccountWriteGetsScopeMissingAndSendsNothing()
    {
        _host.WithSetting("Alpaca:Scopes", "trading data");
        await _host.ConnectAsync("app-alice", "alice");
        var before = _host.UpstreamTradingCalls;

        var refused = await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "Tech" });
        var read = await _host.QueryAsync("app-alice", "{ watchlists { id } }");

        Assert.Equal("SCOPE_MISSING", Code(refused));
        Assert.Equal("account:write", refused.GetProperty("errors")[0].GetProperty("scope").GetString());
        Assert.Empty(read.Errors);
        Assert.Equal(before + 1, _host.UpstreamTradingCalls); // the read only
    }

    [Fact]
    public async Task NotConnectedReauthAndRateLimitsAreTypedErrors()
    {
        // An injected 429 resets at the next wall-clock minute. A read that met it in the last seconds of a minute was
        // retried within the server's allowed wait and succeeded, so the test failed one run in twelve: this server
        // waits for no reset, and every injected 429 reaches the caller.
        _host.WithSetting("Alpaca:Resilience:MaxRateLimitWait", "00:00:00");
        var notConnected = await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "Tech" });
        var notConnectedRead = await _host.QueryAsync("app-alice", "{ activities { pageInfo { hasNextPage } } }");
        await _host.ConnectAsync("app-alice", "alice");
        await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "First" });
        var createRoute = _host.Control.Requests.Last(r => r.Route.StartsWith("POST ", StringComparison.Ordinal)).Route;
        _host.Control.AddFault(new FaultRule { Route = createRoute, Kind = FaultKind.RateLimited, Count = 1 });
        var limited = await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "Tech" });
        _host.Control.AddFault(new FaultRule { Route = "GET /v2/account/portfolio/history", Kind = FaultKind.RateLimited, Count = 1 });
        var limitedRead = await _host.QueryAsync("app-alice", "{ portfolioHistory(period: \"1W\") { timeframe } }");
        var fingerprint = _host.Control.Requests.Last(r => r.TokenFingerprint is not null).TokenFingerprint!;
        _host.Control.RevokeTokenByFingerprint(fingerprint);
        var reauth = await _host.QueryAsync("app-alice", "{ marketCalendar(start: \"2026-11-20\", end: \"2026-11-24\") { date } }");
        var reauthWrite = await Mutate("createWatchlist", "CreateWatchlistInput", new { name = "Tech" });

        Assert.Equal("NOT_CONNECTED", Code(notConnected));
        Assert.Equal(["NOT_CONNECTED"], notConnectedRead.ErrorCodes);
        Assert.Equal("RATE_LIMITED", Code(limited));
        Assert.Equal(["RATE_LIMITED"], limitedRead.ErrorCodes);
        Assert.Equal(["REAUTH_REQUIRED"], reauth.ErrorCodes);
        Assert.Equal("REAUTH_REQUIRED", Code(reauthWrite));
    }

    private async Task<JsonElement> Mutate(string field, string inputType, object input)
    {
        var response = await _host.Driver.GraphQLAsync("app-alice",
            $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {(field == "deleteWatchlist" ? "deletedWatchlistId" : "watchlist { id name assets { symbol } }")} errors {{ ... on Error {{ code message }} ... on ScopeMissingError {{ scope }} }} }} }}",
            new { input });
        Assert.Empty(response.Errors);
        return response.Data.GetProperty(field);
    }

    private static List<string?> Symbols(JsonElement payload) =>
        [.. payload.GetProperty("watchlist").GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("symbol").GetString())];

    private static string? Code(JsonElement payload) => payload.GetProperty("errors")[0].GetProperty("code").GetString();

    public void Dispose() => _host.Dispose();
}
