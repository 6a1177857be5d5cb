using System.Text.Json;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>replaceOrder: one PATCH per key, the new order linked to the old both ways, caller-scoped, typed refusals.</summary>
public sealed class ReplaceOrderTests : IDisposable
{
    private const string Replace = """
        mutation($input: ReplaceOrderInput!) {
          replaceOrder(input: $input) {
            order { id alpacaOrderId clientOrderId status qty limitPrice trailPrice replaces replacedBy }
            errors {
              __typename
              ... on Error { code message }
              ... on GuardrailViolationError { rule limit actual }
              ... on OrderInvalidError { field upstreamCode }
            }
          }
        }
        """;

    private const string Read = "query($id: ID!) { order(id: $id) { id status limitPrice replaces replacedBy } }";

    private OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    private int Patches => _driver.Host.Control.Requests.Count(r => r.Route == "PATCH /v2/orders/{orderId}");

    private async Task<JsonElement> ReplaceAsync(object input, string user = "app-alice")
    {
        var response = await _driver.GraphQLAsync(user, Replace, new { input });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("replaceOrder");
    }

    private async Task<JsonElement> ReadAsync(string id) =>
        (await _driver.GraphQLAsync("app-alice", Read, new { id })).Data.GetProperty("order");

    private async Task<JsonElement> PlaceLimitAsync(string key, string qty = "1", string limitPrice = "150")
    {
        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy(key, qty, limitPrice));
        Assert.True(OrderDriver.Codes(payload).Count == 0, payload.ToString());
        return OrderDriver.Order(payload);
    }

    [Fact]
    public async Task ReplacingAnOpenOrderStoresTheNewOrderLinkedToTheOldOne()
    {
        await _driver.ConnectAsync();
        var old = await PlaceLimitAsync("r-old");

        var payload = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-1", qty = "2", limitPrice = "155" });

        Assert.Empty(OrderDriver.Codes(payload));
        var replacement = OrderDriver.Order(payload);
        Assert.NotEqual(old.Str("id"), replacement.Str("id"));
        Assert.Equal((old.Str("id"), "2", "155"), (replacement.Str("replaces"), replacement.Str("qty"), replacement.Str("limitPrice")));
        Assert.Equal(ClientOrderIds.Derive("app-alice", "r-1"), replacement.Str("clientOrderId"));
        var oldNow = await ReadAsync(old.Str("id"));
        Assert.Equal(replacement.Str("id"), oldNow.Str("replacedBy"));
        Assert.Equal("150", oldNow.Str("limitPrice"));
        Assert.NotEqual("REPLACED", oldNow.Str("status")); // Alpaca has not reported it replaced yet (facts 2.7)

        var held = await _driver.SandboxOrderAsync(replacement.Str("alpacaOrderId"));
        Assert.Equal((old.Str("alpacaOrderId"), "2", "155"), (held.Str("replaces"), held.Str("qty"), held.Str("limit_price")));
        Assert.Equal(1, Patches);
        _driver.Host.Control.ProcessNow();
        Assert.Equal("replaced", (await _driver.SandboxOrderAsync(old.Str("alpacaOrderId"))).Str("status"));
    }

    [Fact]
    public async Task RepeatingAReplaceWithTheSameKeyPatchesOnce()
    {
        await _driver.ConnectAsync();
        var old = await PlaceLimitAsync("r-old");
        var input = new { orderId = old.Str("id"), idempotencyKey = "r-same", limitPrice = "151" };

        var first = await ReplaceAsync(input);
        var again = await ReplaceAsync(input);

        Assert.Empty(OrderDriver.Codes(again));
        Assert.Equal(OrderDriver.Order(first).Str("id"), OrderDriver.Order(again).Str("id"));
        Assert.Equal(1, Patches);
    }

    [Fact]
    public async Task TheSameKeyWithADifferentReplaceIsRefused()
    {
        await _driver.ConnectAsync();
        var old = await PlaceLimitAsync("r-old");
        await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-k", limitPrice = "151" });

        var payload = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-k", limitPrice = "152" });

        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], OrderDriver.Codes(payload));
        Assert.Equal(1, Patches);
    }

    [Fact]
    public async Task AnotherUsersOrderCannotBeReplacedAndReadsAsNotFound()
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
        var old = await PlaceLimitAsync("alice-open");

        var bobs = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "b-1", limitPrice = "1" }, user: "app-bob");
        var missing = await ReplaceAsync(new { orderId = Guid.NewGuid().ToString(), idempotencyKey = "b-1", limitPrice = "1" }, user: "app-bob");

        Assert.Equal(["NOT_FOUND"], OrderDriver.Codes(bobs));
        Assert.Equal(missing.ToString(), bobs.ToString());
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task ARejectedOrderIsNotReplaceable()
    {
        await _driver.ConnectAsync();
        var sell = await _driver.PlaceAsync(new { idempotencyKey = "r-sell", symbol = "AAPL", side = "SELL", type = "LIMIT", timeInForce = "DAY", qty = "1", limitPrice = "180" });

        var payload = await ReplaceAsync(new { orderId = OrderDriver.Order(sell).Str("id"), idempotencyKey = "r-2", limitPrice = "181" });

        Assert.Equal(["ORDER_NOT_REPLACEABLE"], OrderDriver.Codes(payload));
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task AnOrderThatFilledMeanwhileIsRefusedWithAlpacasMessage()
    {
        // "Meanwhile" means we have not heard of the fill yet: without a stream, nothing tells this server before the
        // PATCH does (with one, the fill can arrive first and the replace is refused here, without a PATCH).
        _driver.Dispose();
        _driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off"));
        await _driver.ConnectAsync();
        var old = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.LimitBuy("r-fill", qty: "1", limitPrice: "185")));
        _driver.Host.Control.SetPrice("AAPL", 150m);
        _driver.Host.Control.ProcessNow();

        var payload = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-3", limitPrice = "151" });

        var error = OrderDriver.Error(payload);
        Assert.Equal(("OrderInvalidError", "ORDER_INVALID"), (error.Str("__typename"), error.Str("code")));
        Assert.Contains("not replaceable", error.Str("message"), StringComparison.Ordinal);
        Assert.Equal("REJECTED", OrderDriver.Order(payload).Str("status"));
        Assert.Equal(1, Patches);
    }

    [Fact]
    public async Task ALostPatchResponseIsResolvedByLookingTheNewOrderUp()
    {
        await _driver.ConnectAsync();
        var old = await PlaceLimitAsync("r-old");
        _driver.Host.Control.AddFault(new FaultRule { Route = "PATCH /v2/orders/{orderId}", Kind = FaultKind.LoseResponse });

        var payload = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-lost", limitPrice = "152" });

        Assert.Empty(OrderDriver.Codes(payload));
        Assert.Equal(old.Str("alpacaOrderId"), (await _driver.SandboxOrderAsync(OrderDriver.Order(payload).Str("alpacaOrderId"))).Str("replaces"));
        Assert.Equal(1, Patches);
        Assert.Contains(_driver.Host.Control.Requests, r => r.Route == "GET /v2/orders:by_client_order_id");
    }

    [Fact]
    public async Task ATrailingStopsTrailCanBeChanged()
    {
        await _driver.ConnectAsync();
        var placed = await _driver.PlaceAsync(new { idempotencyKey = "r-trail", symbol = "AAPL", side = "BUY", type = "TRAILING_STOP", timeInForce = "DAY", qty = "1", trailPrice = "2" });

        var payload = await ReplaceAsync(new { orderId = OrderDriver.Order(placed).Str("id"), idempotencyKey = "r-4", trail = "3" });

        Assert.Empty(OrderDriver.Codes(payload));
        Assert.Equal("3", OrderDriver.Order(payload).Str("trailPrice"));
        Assert.Equal("3", (await _driver.SandboxOrderAsync(OrderDriver.Order(payload).Str("alpacaOrderId"))).Str("trail_price"));
    }

    [Fact]
    public async Task AChangeThatDoesNotFitTheOrderTypeIsRefusedWithoutAnUpstreamCall()
    {
        await _driver.ConnectAsync();
        var market = await _driver.PlaceAsync(OrderDriver.MarketBuy("r-mkt"));

        var payload = await ReplaceAsync(new { orderId = OrderDriver.Order(market).Str("id"), idempotencyKey = "r-5", limitPrice = "150" });

        var error = OrderDriver.Error(payload);
        Assert.Equal(("ORDER_INVALID", "limitPrice"), (error.Str("code"), error.Str("field")));
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task TheGuardrailsJudgeTheOrderAsItWouldBecome()
    {
        _driver.Dispose();
        _driver = new OrderDriver(host => host.WithSetting("Guardrails:MaxQuantityPerOrder", "5"));
        await _driver.ConnectAsync();
        var old = await PlaceLimitAsync("r-old", qty: "5");

        var payload = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-6", qty = "6" });

        var error = OrderDriver.Error(payload);
        Assert.Equal(("MAX_QUANTITY_PER_ORDER", "5", "6"), (error.Str("rule"), error.Str("limit"), error.Str("actual")));
        Assert.Equal(0, Patches);
    }

    [Fact]
    public async Task AReplacedOrderAndItsReplacementCountOnceAgainstTheDailyCap()
    {
        _driver.Dispose();
        _driver = new OrderDriver(host => host.WithSetting("Guardrails:MaxDailyNotional", "3000"));
        await _driver.ConnectAsync();
        var old = await PlaceLimitAsync("r-old", qty: "10", limitPrice: "150");

        var first = await ReplaceAsync(new { orderId = old.Str("id"), idempotencyKey = "r-7", limitPrice = "160" });
        _driver.Host.Control.ProcessNow(); // Alpaca refuses to replace a replacement still PENDING_NEW
        var second = await ReplaceAsync(new { orderId = OrderDriver.Order(first).Str("id"), idempotencyKey = "r-8", limitPrice = "170" });

        Assert.Empty(OrderDriver.Codes(first));
        Assert.True(OrderDriver.Codes(second).Count == 0, second.ToString());
    }
}
