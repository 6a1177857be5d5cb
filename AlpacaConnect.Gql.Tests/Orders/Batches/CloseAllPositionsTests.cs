using System.Text.Json;
using AlpacaConnect.Gql.Tests.Operators;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Sandbox.Faults;

namespace AlpacaConnect.Gql.Tests.Orders.Batches;

/// <summary>
/// closeAllPositions: each position closed by closePosition's pipeline with a derived key, one result per position,
/// the closing orders kept as the user's orders at the account; a key replayed closes nothing again; the kill switch
/// and refusals send nothing.
/// </summary>
public sealed class CloseAllPositionsTests : IDisposable
{
    public const string CloseAll = """
        mutation($input: CloseAllPositionsInput!) {
          closeAllPositions(input: $input) {
            items { symbol status order { id alpacaOrderId symbol side type qty status } errors { __typename ... on Error { code message } ... on GuardrailViolationError { rule } } }
            cancelledOrders { alpacaOrderId status }
            errors { __typename ... on Error { code message } ... on TradingPausedError { scope } }
          }
        }
        """;

    private OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    private int Closes => _driver.Host.Control.Requests.Count(r => r.Route == "DELETE /v2/positions/{symbol}");

    private int AllAtOnce => _driver.Host.Control.Requests.Count(r => r.Route is "DELETE /v2/positions" or "DELETE /v2/orders");

    private async Task<JsonElement> CloseAllAsync(string key, bool cancelOrders = false, string user = "app-alice")
    {
        var response = await _driver.GraphQLAsync(user, CloseAll, new { input = new { idempotencyKey = key, cancelOrders } });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("closeAllPositions");
    }

    private async Task HoldAsync(params (string Symbol, string Qty)[] positions)
    {
        await _driver.ConnectAsync();
        foreach (var (symbol, qty) in positions)
        {
            Assert.Empty(OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.MarketBuy($"entry-{symbol}", qty, symbol))));
        }

        _driver.Host.Control.ProcessNow();
    }

    private static List<JsonElement> Items(JsonElement payload) => payload.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task EveryPositionIsClosedByItsOwnOrderKeptInTheHistory()
    {
        await HoldAsync(("AAPL", "3"), ("MSFT", "2"));

        var payload = await CloseAllAsync("close-all-1");

        Assert.Empty(OrderDriver.Codes(payload));
        var items = Items(payload).OrderBy(i => i.Str("symbol"), StringComparer.Ordinal).ToList();
        Assert.Equal(["AAPL", "MSFT"], items.Select(i => i.Str("symbol")).ToList());
        Assert.All(items, i => Assert.Equal(("ACCEPTED", "SELL", "MARKET"), (i.Str("status"), i.GetProperty("order").Str("side"), i.GetProperty("order").Str("type"))));
        Assert.Equal(["3", "2"], items.Select(i => i.GetProperty("order").Str("qty")).ToList());
        Assert.Equal(2, Closes);
        Assert.Equal(0, AllAtOnce);
        foreach (var item in items)
        {
            var read = await _driver.GraphQLAsync("app-alice", "query($id: ID!) { order(id: $id) { alpacaOrderId } }", new { id = item.GetProperty("order").Str("id") });
            Assert.Equal(item.GetProperty("order").Str("alpacaOrderId"), read.Data.GetProperty("order").Str("alpacaOrderId"));
        }
    }

    [Fact]
    public async Task TheSameKeyTwiceClosesOnceAndNeverTouchesPositionsOpenedAfter()
    {
        await HoldAsync(("AAPL", "3"));
        var first = await CloseAllAsync("close-all-2");
        _driver.Host.Control.ProcessNow();
        Assert.Empty(OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.MarketBuy("bought-after", "1", "TSLA"))));
        _driver.Host.Control.ProcessNow();

        var again = await CloseAllAsync("close-all-2");

        Assert.Equal(1, Closes);
        var item = Assert.Single(Items(again));
        Assert.Equal(Assert.Single(Items(first)).GetProperty("order").Str("id"), item.GetProperty("order").Str("id"));
        var positions = await _driver.GraphQLAsync("app-alice", "{ positions { symbol } }");
        Assert.Equal("TSLA", Assert.Single(positions.Data.GetProperty("positions").EnumerateArray()).Str("symbol"));
    }

    [Fact]
    public async Task ADoubleTapAtOnceClosesOnce()
    {
        await HoldAsync(("AAPL", "3"));

        var both = await Task.WhenAll(CloseAllAsync("close-all-double"), CloseAllAsync("close-all-double"));

        Assert.Equal(1, Closes);
        Assert.Equal(Assert.Single(Items(both[0])).GetProperty("order").Str("id"), Assert.Single(Items(both[1])).GetProperty("order").Str("id"));
    }

    [Fact]
    public async Task TheSameKeyWithDifferentInputIsRefused()
    {
        await HoldAsync(("AAPL", "1"));
        await CloseAllAsync("close-all-3");

        var payload = await CloseAllAsync("close-all-3", cancelOrders: true);

        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], OrderDriver.Codes(payload));
        Assert.Equal(1, Closes);
    }

    [Fact]
    public async Task TheKillSwitchStopsCloseAllBeforeAnythingIsSent()
    {
        await HoldAsync(("AAPL", "2"));
        using var operators = OperatorApi.On(_driver);
        await operators.PauseAsync("ALL");
        _driver.Host.Control.ClearRequests();

        var payload = await CloseAllAsync("close-all-paused", cancelOrders: true);

        Assert.Equal(("TRADING_PAUSED", "ALL"), (OrderDriver.Error(payload).Str("code"), OrderDriver.Error(payload).Str("scope")));
        Assert.DoesNotContain(_driver.Host.Control.Requests, r => r.Route.StartsWith("DELETE /v2/", StringComparison.Ordinal) || r.Route == "POST /v2/orders");
        Assert.Equal(0, Closes);
    }

    [Fact]
    public async Task AGuardrailRefusalIsAFailedItemAndSendsNothingForIt()
    {
        _driver.Dispose();
        _driver = new OrderDriver(host => host.WithSetting("Guardrails:MaxOrdersPerDay", "1"));
        await HoldAsync(("AAPL", "1"));

        var payload = await CloseAllAsync("close-all-capped");

        var item = Assert.Single(Items(payload));
        Assert.Equal(("FAILED", "GUARDRAIL_VIOLATION"), (item.Str("status"), item.GetProperty("errors")[0].Str("code")));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("order").ValueKind);
        Assert.Equal(0, Closes);
    }

    [Fact]
    public async Task WithCancelOrdersTheOpenOrdersAreCancelledFirst()
    {
        await HoldAsync(("AAPL", "2"));
        Assert.Empty(OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.LimitBuy("open-limit", "1", "1", "MSFT"))));

        var payload = await CloseAllAsync("close-all-cancel", cancelOrders: true);

        Assert.Equal("ACCEPTED", Assert.Single(payload.GetProperty("cancelledOrders").EnumerateArray()).Str("status"));
        Assert.Equal("ACCEPTED", Assert.Single(Items(payload)).Str("status"));
        Assert.Equal(1, _driver.Host.Control.Requests.Count(r => r.Route == "DELETE /v2/orders/{orderId}"));
    }

    [Fact]
    public async Task ARateLimitedListingIsTypedAndClosesNothing()
    {
        await HoldAsync(("AAPL", "1"));
        _driver.Host.Control.AddFault(new FaultRule { Route = "GET /v2/positions", Kind = FaultKind.RateLimited, Count = null });

        var payload = await CloseAllAsync("close-all-429");

        Assert.Equal(["RATE_LIMITED"], OrderDriver.Codes(payload));
        Assert.Equal(0, Closes);
    }

    [Fact]
    public async Task WithoutAConnectionTheErrorIsTyped()
    {
        Assert.Equal(["NOT_CONNECTED"], OrderDriver.Codes(await CloseAllAsync("close-all-none")));
    }
}
