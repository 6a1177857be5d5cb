using System.Net;
using System.Text.Json;
using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>
/// The facts the portfolio, activity and calendar fields rely on (facts-more 1, 2 and 6.1), beyond the spec's schemas:
/// history values are numbers in parallel arrays with Unix-second stamps, intraday spans are bounded, activities of
/// every type page together by the last id, and the calendar's two time formats and early closes.
/// </summary>
public sealed class PortfolioConformanceTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task HistoryIsParallelArraysOfNumbersStampedInUnixSecondsAndTheSameWhenAskedTwice()
    {
        var scene = await SimulatorScene.SetUpAsync(host);

        using var first = await scene.Paper.GetAsync("v2/account/portfolio/history?period=1W&timeframe=1H&intraday_reporting=continuous");
        var history = await first.JsonAsync();
        using var again = await scene.Paper.GetAsync("v2/account/portfolio/history?period=1W&timeframe=1H&intraday_reporting=continuous");

        var stamps = history.GetProperty("timestamp").EnumerateArray().Select(t => t.GetInt64()).ToList();
        Assert.InRange(stamps.Count, 24 * 7 - 1, 24 * 7 + 1);
        Assert.All(stamps, t => Assert.InRange(t, 1_000_000_000L, 9_999_999_999L)); // seconds, not milliseconds
        foreach (var series in new[] { "equity", "profit_loss", "profit_loss_pct" })
        {
            Assert.Equal(stamps.Count, history.GetProperty(series).GetArrayLength());
            Assert.All(history.GetProperty(series).EnumerateArray(), v => Assert.Equal(JsonValueKind.Number, v.ValueKind));
        }

        Assert.Equal(JsonValueKind.Number, history.GetProperty("base_value").ValueKind);
        Assert.Equal("1H", history.Str("timeframe"));
        Assert.Equal(history.ToString(), (await again.JsonAsync()).ToString());
    }

    [Fact]
    public async Task IntradayHistoryOverThirtyDaysAndAllThreeOfStartEndAndPeriodAreRefused()
    {
        var scene = await SimulatorScene.SetUpAsync(host);

        using var tooLong = await scene.Paper.GetAsync("v2/account/portfolio/history?period=2M&timeframe=15Min");
        using var allThree = await scene.Paper.GetAsync("v2/account/portfolio/history?period=1M&start=2026-01-01T00:00:00Z&end=2026-01-31T00:00:00Z");
        using var defaulted = await scene.Paper.GetAsync("v2/account/portfolio/history?period=3M");

        Assert.Equal(422, (int)tooLong.StatusCode);
        Assert.Equal(422, (int)allThree.StatusCode);
        Assert.Equal("1D", (await defaulted.JsonAsync()).Str("timeframe"));
    }

    [Fact]
    public async Task ActivitiesOfEveryTypeComeNewestFirstAndPageTogetherByTheLastId()
    {
        var scene = await SimulatorScene.SetUpAsync(host);
        host.Control.AddActivity("alice", SandboxEnvironment.Paper, "CSD", 500m, description: "deposit");
        host.Control.AddActivity("alice", SandboxEnvironment.Paper, "DIV", 1.04m, "CDIV", "AAPL", 10m, 0.104m);

        using var all = await scene.Paper.GetAsync("v2/account/activities");
        var ids = (await all.JsonAsync()).EnumerateArray().Select(a => a.Str("id")).ToList();
        var paged = new List<string>();
        string? token = null;
        do
        {
            using var page = await scene.Paper.GetAsync($"v2/account/activities?page_size=2{(token is null ? "" : "&page_token=" + token)}");
            var items = (await page.JsonAsync()).EnumerateArray().Select(a => a.Str("id")).ToList();
            paged.AddRange(items);
            token = items.Count == 0 ? null : items[^1];
        }
        while (token is not null);
        using var trans = await scene.Paper.GetAsync("v2/account/activities?activity_types=TRANS");
        var deposit = Assert.Single((await trans.JsonAsync()).EnumerateArray());

        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.OrderByDescending(i => i, StringComparer.Ordinal), ids);
        Assert.Equal(ids, paged);
        Assert.Equal(("CSD", "500"), (deposit.Str("activity_type"), deposit.Str("net_amount")));
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", deposit.Str("date"));
    }

    [Fact]
    public async Task TheCalendarListsTradingDaysWithBothTimeFormatsAndNextDaySettlement()
    {
        var scene = await SimulatorScene.SetUpAsync(host);

        using var response = await scene.Paper.GetAsync("v2/calendar?start=2026-11-20&end=2026-11-24");
        var days = (await response.JsonAsync()).EnumerateArray().ToList();

        Assert.Equal(["2026-11-20", "2026-11-23", "2026-11-24"], days.Select(d => d.Str("date")));
        Assert.All(days, d => Assert.Matches("^[0-9]{2}:[0-9]{2}$", d.Str("close")));
        Assert.All(days, d => Assert.Matches("^[0-9]{4}$", d.Str("session_open")));
        Assert.Equal("2026-11-23", days[0].Str("settlement_date"));
    }

    [Fact]
    public async Task WatchlistWritesNeedAccountWriteAndFollowAlpacasAnswers()
    {
        var scene = await SimulatorScene.SetUpAsync(host);
        using var tradingOnly = host.Trading(SandboxEnvironment.Paper, host.Token(scope: "trading data"));

        var id = await scene.WatchlistIdAsync();
        using var refused = await tradingOnly.PostJsonAsync("v2/watchlists", """{"name":"Nope"}""");
        using var readable = await tradingOnly.GetAsync("v2/watchlists");
        using var list = await scene.Paper.GetAsync("v2/watchlists");
        using var duplicate = await scene.Paper.PostJsonAsync("v2/watchlists", """{"name":"Scene"}""");
        using var unknown = await scene.Paper.PostJsonAsync($"v2/watchlists/{id}", """{"symbol":"NOPE"}""");
        using var deleted = await scene.Paper.DeleteAsync($"v2/watchlists/{id}");
        using var gone = await scene.Paper.GetAsync($"v2/watchlists/{id}");

        await refused.AssertErrorAsync(401, 40110000, "token is not authorized for this scope");
        Assert.Equal(HttpStatusCode.OK, readable.StatusCode);
        Assert.False(Assert.Single((await list.JsonAsync()).EnumerateArray()).TryGetProperty("assets", out _));
        await duplicate.AssertErrorAsync(422, 40010001, "watchlist name must be unique");
        Assert.Equal(422, (int)unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
