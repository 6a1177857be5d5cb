using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// The idempotency list of the security checklist (§3.4, T-ID-01…09), through GraphQL against the sandbox. These pin
/// placement's exact conversation with Alpaca, so the trade_updates stream is off: its reconciliations (a list read,
/// lookups of unlinked orders) would interleave with it.
/// </summary>
public sealed class PlaceOrderIdempotencyTests : IDisposable
{
    private readonly OrderDriver _driver = new(host => host.WithSetting("Streaming:Mode", "Off"));

    public void Dispose() => _driver.Dispose();

    private static string Id(System.Text.Json.JsonElement payload) => OrderDriver.Order(payload).GetProperty("id").GetString()!;

    [Fact]
    public async Task TheIdempotencyKeyIsRequired()
    {
        // T-ID-01
        await _driver.ConnectAsync();

        var response = await _driver.GraphQLAsync("app-alice", OrderDriver.PlaceOrder,
            new { input = new { symbol = "AAPL", side = "BUY", type = "MARKET", timeInForce = "DAY", qty = "1" } });

        Assert.Equal(["VALIDATION_FAILED"], response.ErrorCodes);
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task AKeyIsStillHonouredAfterADayAndMore()
    {
        // T-ID-05: retention of at least 24 h. Keys never expire here: Alpaca's client_order_id (derived from the key)
        // can never be reused either, so a "new" order under an old key could only be refused or, worse, confused.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var driver = new OrderDriver(host => host.WithServices(services => services.AddSingleton<TimeProvider>(time)));
        await driver.ConnectAsync();
        var first = await driver.PlaceAsync(OrderDriver.MarketBuy("kept-1"));

        time.Advance(TimeSpan.FromHours(25));
        var again = await driver.PlaceAsync(OrderDriver.MarketBuy("kept-1"));

        Assert.Equal(Id(first), Id(again));
        Assert.Empty(OrderDriver.Codes(again));
        Assert.Equal(1, driver.OrderPosts);
    }

    [Fact]
    public async Task PlacingTheSameIdempotencyKeyTwicePlacesOneOrder()
    {
        // T-ID-02
        await _driver.ConnectAsync();

        var first = await _driver.PlaceAsync(OrderDriver.MarketBuy("same-1"));
        var second = await _driver.PlaceAsync(new { idempotencyKey = "same-1", symbol = "aapl", side = "BUY", type = "MARKET", timeInForce = "DAY", qty = "1.000" });

        Assert.Empty(OrderDriver.Codes(second));
        Assert.Equal(Id(first), Id(second));
        Assert.Equal(1, _driver.OrderPosts);
        Assert.Single(await _driver.SandboxOrdersAsync());
    }

    [Fact]
    public async Task TheSameKeyIsScopedPerUser()
    {
        // T-ID-01: keys are per user, so two users' equal keys are two orders.
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");

        var alice = await _driver.PlaceAsync(OrderDriver.MarketBuy("shared-key"));
        var bob = await _driver.PlaceAsync(OrderDriver.MarketBuy("shared-key"), user: "app-bob");

        Assert.Empty(OrderDriver.Codes(bob));
        Assert.NotEqual(Id(alice), Id(bob));
        Assert.Equal(2, _driver.OrderPosts);
    }

    [Fact]
    public async Task TheSameKeyWithADifferentOrderIsRefused()
    {
        // T-ID-03
        await _driver.ConnectAsync();
        await _driver.PlaceAsync(OrderDriver.MarketBuy("reuse-1", qty: "1"));

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("reuse-1", qty: "2"));

        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], OrderDriver.Codes(payload));
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task TenConcurrentCallsWithOneKeyPostOnce()
    {
        // T-ID-04
        await _driver.ConnectAsync();

        var payloads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _driver.PlaceAsync(OrderDriver.MarketBuy("burst-1"))));

        Assert.All(payloads, p => Assert.Empty(OrderDriver.Codes(p)));
        Assert.Single(payloads.Select(Id).Distinct());
        Assert.Equal(1, _driver.OrderPosts);
        Assert.Single(await _driver.SandboxOrdersAsync());
    }

    [Fact]
    public async Task ALostResponseIsResolvedByLookingTheOrderUp()
    {
        // T-ID-07: the order is created, the answer never arrives.
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.LoseResponse });

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("lost-1"));

        Assert.Empty(OrderDriver.Codes(payload));
        var held = Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal(held.GetProperty("id").GetString(), OrderDriver.Order(payload).GetProperty("alpacaOrderId").GetString());
        Assert.Equal(1, _driver.OrderPosts);
        Assert.Equal(1, _driver.Host.Control.Requests.Count(r => r.Route == "GET /v2/orders:by_client_order_id"));
    }

    [Fact]
    public async Task AGatewayTimeoutAfterTheOrderWasTakenIsResolvedByLookup()
    {
        // T-ID-07: 504 sent although the order exists.
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.LoseResponse, Status = 504 });

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("lost-504"));

        Assert.Empty(OrderDriver.Codes(payload));
        Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task AServerErrorIsLookedUpThenSentOnceMoreWithTheSameClientOrderId()
    {
        // T-ID-07: a 503 that did not take effect: lookup says 404, so one more send.
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.ServerError, Status = 503 });

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("five-1"));

        Assert.Empty(OrderDriver.Codes(payload));
        var held = Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal(ClientOrderIds.Derive("app-alice", "five-1"), held.GetProperty("client_order_id").GetString());
        Assert.Equal(2, _driver.OrderPosts);
        Assert.Equal(["GET /v2/orders:by_client_order_id", "POST /v2/orders"],
            _driver.Host.Control.Requests.SkipWhile(r => r.Route != "POST /v2/orders").Skip(1).Take(2).Select(r => r.Route));
    }

    [Fact]
    public async Task WhenTheLookupFailsTooTheOrderIsKeptAsUnknownAndSettledByTheNextCall()
    {
        // T-ID-07: lost answer and a failing lookup → ORDER_STATE_UNKNOWN, the row kept; a retry with the key settles it.
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.LoseResponse });
        _driver.Host.Control.AddFault(new FaultRule { Route = "GET /v2/orders:by_client_order_id", Kind = FaultKind.ServerError, Count = 4 });

        var unknown = await _driver.PlaceAsync(OrderDriver.MarketBuy("unknown-1"));

        Assert.Equal(["ORDER_STATE_UNKNOWN"], OrderDriver.Codes(unknown));
        Assert.Equal("UNKNOWN", OrderDriver.Order(unknown).GetProperty("status").GetString());
        Assert.Equal(Id(unknown), unknown.GetProperty("errors")[0].GetProperty("orderId").GetString());
        await using (var db = await _driver.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(OrderStatus.Unknown, (await db.Set<Order>().SingleAsync()).Status);
        }

        var settled = await _driver.PlaceAsync(OrderDriver.MarketBuy("unknown-1"));

        Assert.Empty(OrderDriver.Codes(settled));
        Assert.Equal(Id(unknown), Id(settled));
        Assert.NotEqual("UNKNOWN", OrderDriver.Order(settled).GetProperty("status").GetString());
        Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task ADuplicateClientOrderIdAnswerMeansTheOrderExistsAndIsFetched()
    {
        // T-ID-08: Alpaca already holds an order with the derived id (e.g. from an attempt we lost track of).
        await _driver.ConnectAsync();
        var clientOrderId = ClientOrderIds.Derive("app-alice", "dup-1");
        using (var trading = _driver.Host.Trading(SandboxEnvironment.Paper, _driver.Host.Token(user: "alice")))
        {
            using var placed = await trading.PostJsonAsync("v2/orders",
                $$"""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","client_order_id":"{{clientOrderId}}"}""");
            placed.EnsureSuccessStatusCode();
        }

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("dup-1"));

        Assert.Empty(OrderDriver.Codes(payload));
        var held = Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal(held.GetProperty("id").GetString(), OrderDriver.Order(payload).GetProperty("alpacaOrderId").GetString());
        Assert.Equal(2, _driver.OrderPosts); // the test's own, and ours that Alpaca refused as a duplicate
    }

    [Fact]
    public async Task ARateLimitedSubmissionPlacesNothingAndFreesTheKey()
    {
        await _driver.ConnectAsync();
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.RateLimited });

        var limited = await _driver.PlaceAsync(OrderDriver.MarketBuy("rl-1"));
        var retried = await _driver.PlaceAsync(OrderDriver.MarketBuy("rl-1"));

        Assert.Equal(["RATE_LIMITED"], OrderDriver.Codes(limited));
        Assert.Empty(OrderDriver.Codes(retried));
        Assert.Single(await _driver.SandboxOrdersAsync());
    }
}
