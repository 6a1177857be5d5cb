using System.Net;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>The product plan's success metrics, scraped from <c>/metrics</c> after a scripted flow, with exact counts.</summary>
public sealed class MetricsTests
{
    private const string Replace = "mutation($input: ReplaceOrderInput!) { replaceOrder(input: $input) { order { id } errors { ... on Error { code } } } }";
    private const string Close = "mutation($input: ClosePositionInput!) { closePosition(input: $input) { order { id } errors { ... on Error { code } } } }";
    private const string Active = "alpaca_connect_graphql_subscriptions_active";
    private const string Connects = "alpaca_connect_stream_connects_total";
    private const string Reconnects = "alpaca_connect_stream_reconnects_total";

    [Fact]
    public async Task AfterAConnectAndOrderFlowTheScrapeHasEachSuccessMetricWithItsCount()
    {
        // Time stands still unless the test moves it: durations are exact and the sandbox's rate-limit window never rolls.
        // App-user JWTs are checked against the real clock; whole seconds, as SQLite keeps times to a few microseconds.
        var now = TimeProvider.System.GetUtcNow();
        var time = new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
        using var driver = new OrderDriver(host => host
            .WithSetting("Sandbox:Tokens:ExpiresIn", "00:10:00")
            .WithSetting("Alpaca:TokenRefreshSkew", "00:09:00") // refreshed once a minute has passed
            .WithSetting("Sandbox:RateLimit:Key", "Account")
            // Counts are exact only without background calls: the trade_updates supervisor's reconciliations would
            // race the scrape (AStreamOpenedDroppedAndReopenedIsCountedByTheSupervisor covers its metrics).
            .WithSetting("Streaming:Mode", "Off")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)));
        using var connect = new ConnectDriver(driver.Host);

        // Alice connects, taking 42 s on the consent page; Bob denies consent.
        var authorize = await connect.StartAsync("app-alice");
        time.Advance(TimeSpan.FromSeconds(42));
        var (_, approved, _) = await connect.CallbackAsync(await connect.DecideAsync(authorize));
        var completed = await connect.CompleteAsync("app-alice", ConnectDriver.QueryValue(approved!, "completionCode"));
        Assert.Equal("CONNECTED", completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").Str("status"));
        var (_, denied, _) = await connect.CallbackAsync(await connect.DecideAsync(await connect.StartAsync("app-bob"), decision: "deny"));
        Assert.Equal("ACCESS_DENIED", ConnectDriver.QueryValue(denied!, "error"));

        // Two orders placed and one refused by a guardrail; a minute later (the token is refreshed first) one replaced
        // and a close of a position Alice does not hold refused.
        Assert.Empty(OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.MarketBuy("m-1"))));
        var limit = OrderDriver.Order(await driver.PlaceAsync(OrderDriver.LimitBuy("l-1", "1", "150")));
        Assert.Equal(["GUARDRAIL_VIOLATION"], OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.MarketBuy("too-big", "20000"))).Distinct());
        time.Advance(TimeSpan.FromSeconds(61));
        var replaced = await driver.GraphQLAsync("app-alice", Replace, new { input = new { orderId = limit.Str("id"), idempotencyKey = "r-1", limitPrice = "151" } });
        Assert.Empty(OrderDriver.Codes(replaced.Data.GetProperty("replaceOrder")));
        var closed = await driver.GraphQLAsync("app-alice", Close, new { input = new { symbol = "MSFT", percentage = "100", idempotencyKey = "close-msft" } });
        var closeCode = Assert.Single(OrderDriver.Codes(closed.Data.GetProperty("closePosition")));

        using var http = driver.Host.Http();
        var scrape = await MetricsScrape.ReadAsync(http);

        Assert.Equal(2, scrape.Value("alpaca_connect_connect_started_total", ("environment", "paper")));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_completed_total", ("environment", "paper")));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_failed_total"));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_failed_total", ("reason", "ACCESS_DENIED")));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_duration_seconds_count"));
        Assert.Equal(42, scrape.Value("alpaca_connect_connect_duration_seconds_sum"));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_duration_seconds_bucket", ("le", "45")));
        Assert.Equal(0, scrape.Value("alpaca_connect_connect_duration_seconds_bucket", ("le", "30")));

        Assert.Equal(1, scrape.Value("alpaca_connect_token_refreshes_total"));
        Assert.Equal(1, scrape.Value("alpaca_connect_token_refreshes_total", ("outcome", "success")));

        const string orders = "alpaca_connect_orders_requests_total";
        Assert.Equal(5, scrape.Value(orders));
        Assert.Equal(2, scrape.Value(orders, ("operation", "placeOrder"), ("outcome", "success")));
        Assert.Equal(1, scrape.Value(orders, ("operation", "placeOrder"), ("outcome", "failure"), ("code", "GUARDRAIL_VIOLATION")));
        Assert.Equal(1, scrape.Value(orders, ("operation", "replaceOrder"), ("outcome", "success")));
        Assert.Equal(1, scrape.Value(orders, ("operation", "closePosition"), ("outcome", "failure"), ("code", closeCode)));

        // Every request the sandbox received from the server, by route template and status, and nothing else.
        Assert.Equal(SandboxSaw(driver.Host), UpstreamCounted(scrape));
        Assert.Equal(2, scrape.Value("alpaca_connect_upstream_requests_total", ("api", "oauth"), ("status", "200")));
        Assert.All(scrape.Matching("alpaca_connect_upstream_requests_total"), s => Assert.DoesNotContain(limit.Str("alpacaOrderId"), s.Label("route")));

        // One account (the sandbox counts per account here); its minute window started again during the 61 s, and
        // windows that have reset are forgotten: what is left is 200 minus the trading calls of the current minute.
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var callsThisMinute = driver.Host.Control.Requests.Count(r => r.Environment == "paper" && r.ArrivedAt.ToUnixTimeSeconds() / 60 == minute);
        Assert.InRange(callsThisMinute, 3, 20);
        Assert.Equal(200 - callsThisMinute, scrape.Value("alpaca_connect_upstream_ratelimit_remaining", ("api", "trading")));
    }

    [Fact]
    public async Task EachSqliteWriteIsTimedAtTheOneWriterGate()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off"));
        await driver.ConnectAsync();
        using var http = driver.Host.Http();
        var before = await MetricsScrape.ReadAsync(http);

        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.MarketBuy($"gate-{i}"))));
        }

        // Each order is saved as an intent (its reservation with it) and then settled: two writes at least, each timed
        // while waiting for the gate and while holding it.
        var after = await MetricsScrape.ReadAsync(http);
        double Grew(string name) => after.Value(name) - before.Value(name);
        Assert.True(Grew("alpaca_connect_db_write_gate_hold_seconds_count") >= 6, after.Text);
        Assert.True(Grew("alpaca_connect_db_write_gate_hold_seconds_sum") > 0, after.Text);
        Assert.True(Grew("alpaca_connect_db_write_gate_wait_seconds_count") >= 6, after.Text);
    }

    [Fact]
    public async Task ConnectFlowsThatFailLaterAreCountedByReason()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
        using var host = new SandboxHost();
        host.WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo).WithServices(services => services.AddSingleton<TimeProvider>(time));
        using var connect = new ConnectDriver(host);

        await connect.StartAsync("app-alice"); // abandoned on the consent page
        var (forged, _, _) = await connect.CallbackAsync(new Uri(host.BaseUri, "/auth/alpaca/callback?code=guessed-code&state=forged-state"));
        var completed = await connect.CompleteAsync("app-alice", "not-a-completion-code");
        time.Advance(TimeSpan.FromMinutes(11)); // the sweeper's minute timer fires: the abandoned flow expires
        using var http = host.Http();
        var scrape = await MetricsScrape.ReadUntilAsync(http, s => s.Value("alpaca_connect_connect_failed_total", ("reason", "EXPIRED")) > 0);

        Assert.Equal(HttpStatusCode.BadRequest, forged);
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_started_total"));
        Assert.Equal(0, scrape.Value("alpaca_connect_connect_completed_total"));
        Assert.Equal(3, scrape.Value("alpaca_connect_connect_failed_total"));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_failed_total", ("reason", "INVALID_STATE")));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_failed_total", ("reason", "INVALID_COMPLETION_CODE")));
        Assert.Equal(1, scrape.Value("alpaca_connect_connect_failed_total", ("reason", "EXPIRED")));
        Assert.Equal("INVALID_COMPLETION_CODE", Assert.Single(OrderDriver.Codes(completed.Data.GetProperty("completeAlpacaConnection"))));
    }

    [Fact]
    public async Task ActiveSubscriptionsGoUpAndDownOnEachTransport()
    {
        const string subscription = "subscription { alpacaConnectionChanged { status } }";
        using var host = new SandboxHost();
        using var http = host.Http();
        var before = await MetricsScrape.ReadAsync(http);

        await using (var socket = await GraphQLSocket.ConnectAsync(host.BaseUri))
        {
            await socket.InitAsync(host.TokenFor("app-alice"));
            await socket.SubscribeAsync("a", subscription);
            await socket.SubscribeAsync("b", subscription);
            var two = await MetricsScrape.ReadUntilAsync(http, s => s.Value(Active) == 2);
            MetricsScrape three;
            await using (await EventStreamResponse.QueryAsync(host.BaseUri, host.TokenFor("app-alice"), subscription))
            {
                three = await MetricsScrape.ReadUntilAsync(http, s => s.Value(Active) == 3);
            }

            await socket.CompleteAsync("a");
            var one = await MetricsScrape.ReadUntilAsync(http, s => s.Value(Active) == 1);

            Assert.Equal(2, two.Value(Active));
            Assert.Equal(2, three.Value(Active, ("transport", "websocket")));
            Assert.Equal(1, three.Value(Active, ("transport", "sse")));
            Assert.Equal(1, one.Value(Active));
            Assert.Equal(0, one.Value(Active, ("transport", "sse")));
        }

        var none = await MetricsScrape.ReadUntilAsync(http, s => s.Value(Active) == 0);

        Assert.Equal(0, before.Value(Active));
        Assert.Equal(0, none.Value(Active));
    }

    [Fact]
    public async Task AStreamOpenedDroppedAndReopenedIsCountedByTheSupervisor()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:ReconnectInitialDelay", "00:00:00.020"));
        await driver.ConnectAsync();
        using var http = driver.Host.Http();
        // A resting order keeps the account's trade_updates socket open.
        await driver.PlaceAsync(OrderDriver.LimitBuy("resting", "1", "1.00"));
        var opened = await MetricsScrape.ReadUntilAsync(http, s => s.Value(Connects) == 1);

        Assert.Equal(1, driver.Host.Control.DropStreams());
        var reopened = await MetricsScrape.ReadUntilAsync(http, s => s.Value(Connects) == 2);

        Assert.Equal(0, opened.Value(Reconnects, ("reason", "dropped")));
        Assert.Equal(1, reopened.Value(Reconnects, ("reason", "dropped")));
    }

    [Fact]
    public async Task MetricsAreServedOutsideDevelopmentOnlyWhenEnabled()
    {
        using var off = new ApiFactory { EnvironmentName = Environments.Production };
        using var on = new ApiFactory { EnvironmentName = Environments.Production }.WithSetting("Observability:Metrics:Enabled", "true");

        using var hidden = await off.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        on.Services.GetRequiredService<AppMetrics>().StreamConnected();
        var served = await MetricsScrape.ReadAsync(on.CreateClient());

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(1, served.Value("alpaca_connect_stream_connects_total"));
    }

    [Fact]
    public async Task EachServerInTheProcessExportsOnlyItsOwnMeasurements()
    {
        using var one = new ApiFactory();
        using var other = new ApiFactory();
        using var oneClient = one.CreateClient();
        using var otherClient = other.CreateClient();

        one.Services.GetRequiredService<AppMetrics>().StreamConnected();
        other.Services.GetRequiredService<AppMetrics>().StreamConnected();
        other.Services.GetRequiredService<AppMetrics>().StreamReconnected("isolation-probe");
        var ones = await MetricsScrape.ReadAsync(oneClient);
        var others = await MetricsScrape.ReadAsync(otherClient);

        Assert.Equal(1, ones.Value("alpaca_connect_stream_connects_total"));
        Assert.Equal(0, ones.Value("alpaca_connect_stream_reconnects_total"));
        Assert.Equal(1, others.Value("alpaca_connect_stream_connects_total"));
        Assert.Equal(1, others.Value("alpaca_connect_stream_reconnects_total", ("reason", "isolation-probe")));
    }

    /// <summary>Our counts as "METHOD /route{} status", with route parameters unnamed (the sandbox names them its own way).</summary>
    private static Dictionary<string, int> UpstreamCounted(MetricsScrape scrape) => scrape
        .Matching("alpaca_connect_upstream_requests_total")
        .Where(s => s.Value > 0)
        .ToDictionary(
            s => Key(s.Label("method"), s.Label("api") == "oauth" ? "/oauth/token" : s.Label("route"), s.Label("status")),
            s => (int)s.Value);

    private static Dictionary<string, int> SandboxSaw(SandboxHost host) => host.Control.Requests
        .Where(r => !r.Route.Contains("/oauth/authorize", StringComparison.Ordinal)) // the user's browser, not the server
        .GroupBy(r => Key(r.Method, r.Route[(r.Route.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("/data/", "/", StringComparison.Ordinal), r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToDictionary(g => g.Key, g => g.Count());

    private static string Key(string method, string route, string status) =>
        $"{method} {System.Text.RegularExpressions.Regex.Replace(route, "{[^}]*}", "{}")} {status}";
}
