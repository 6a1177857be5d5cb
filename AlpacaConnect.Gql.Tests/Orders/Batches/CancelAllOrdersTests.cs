using System.Text.Json;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Sandbox.Faults;

namespace AlpacaConnect.Gql.Tests.Orders.Batches;

/// <summary>
/// cancelAllOrders: the open orders of the connected account, one cancel each through the per-order path, one result
/// per order; a key replayed asks nothing again; orders of another account are never touched.
/// </summary>
public sealed class CancelAllOrdersTests : IDisposable
{
    public const string CancelAll = """
        mutation($input: CancelAllOrdersInput!) {
          cancelAllOrders(input: $input) {
            items { alpacaOrderId symbol status order { id status } errors { __typename ... on Error { code message } } }
            errors { __typename ... on Error { code message } ... on OrderInvalidError { field } }
          }
        }
        """;

    private readonly OrderDriver _driver = new(host => host
        .WithSetting("Streaming:Mode", "Off")
        .WithSetting("Alpaca:AllowLive", "true"));

    public void Dispose() => _driver.Dispose();

    private int Deletes => _driver.Host.Control.Requests.Count(r => r.Route == "DELETE /v2/orders/{orderId}");

    private async Task<JsonElement> CancelAllAsync(string key, string user = "app-alice")
    {
        var response = await _driver.GraphQLAsync(user, CancelAll, new { input = new { idempotencyKey = key } });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("cancelAllOrders");
    }

    private async Task<string> OpenOrderAsync(string key, string symbol = "AAPL")
    {
        var placed = await _driver.PlaceAsync(OrderDriver.LimitBuy(key, qty: "1", limitPrice: "1", symbol: symbol));
        Assert.Empty(OrderDriver.Codes(placed));
        return OrderDriver.Order(placed).Str("id");
    }

    private static List<JsonElement> Items(JsonElement payload) => payload.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task EveryOpenOrderIsCancelledWithOneResultEach()
    {
        await _driver.ConnectAsync();
        var first = await OpenOrderAsync("open-1");
        var second = await OpenOrderAsync("open-2", "MSFT");

        var payload = await CancelAllAsync("cancel-all-1");

        Assert.Empty(OrderDriver.Codes(payload));
        var items = Items(payload);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(("ACCEPTED", "PENDING_CANCEL"), (i.Str("status"), i.GetProperty("order").Str("status"))));
        Assert.Equal(new[] { first, second }.Order(), items.Select(i => i.GetProperty("order").Str("id")).Order());
        Assert.Equal(2, Deletes);
        Assert.All(await _driver.SandboxOrdersAsync(), o => Assert.Equal("pending_cancel", o.Str("status")));
    }

    [Fact]
    public async Task TheSameKeyTwiceCancelsOnceAndAnswersTheSameOrders()
    {
        await _driver.ConnectAsync();
        await OpenOrderAsync("open-3");

        var first = await CancelAllAsync("cancel-all-2");
        await OpenOrderAsync("opened-after");
        var again = await CancelAllAsync("cancel-all-2");

        Assert.Equal(1, Deletes);
        Assert.Equal(Items(first).Select(i => i.Str("alpacaOrderId")), Items(again).Select(i => i.Str("alpacaOrderId")));
        Assert.Equal("ACCEPTED", Assert.Single(Items(again)).Str("status"));
    }

    [Fact]
    public async Task ARateLimitStopsTheRestAndARetrySendsOnlyWhatWasNotAccepted()
    {
        await _driver.ConnectAsync();
        await OpenOrderAsync("open-4");
        _driver.Host.Control.AddFault(new FaultRule { Route = "DELETE /v2/orders/{orderId}", Kind = FaultKind.RateLimited });
        await OpenOrderAsync("open-5", "MSFT");

        var payload = await CancelAllAsync("cancel-all-3");

        var items = Items(payload);
        Assert.Equal(["FAILED", "FAILED"], items.Select(i => i.Str("status")).ToList());
        Assert.Equal("RATE_LIMITED", items[0].GetProperty("errors")[0].Str("code"));
        Assert.Equal(1, Deletes);

        var retried = await CancelAllAsync("cancel-all-3");

        Assert.Equal(["ACCEPTED", "ACCEPTED"], Items(retried).Select(i => i.Str("status")).ToList());
        Assert.Equal(3, Deletes);
    }

    [Fact]
    public async Task OrdersOfAnotherAccountAreNeverSent()
    {
        await _driver.ConnectAsync();
        var paper = await OpenOrderAsync("paper-open");
        await _driver.ConnectAsync(environment: "LIVE");

        var payload = await CancelAllAsync("cancel-all-live");

        Assert.Empty(Items(payload));
        Assert.Equal(0, Deletes);
        var read = await _driver.GraphQLAsync("app-alice", "query($id: ID!) { order(id: $id) { status } }", new { id = paper });
        Assert.NotEqual("PENDING_CANCEL", read.Data.GetProperty("order").Str("status"));
    }

    [Fact]
    public async Task AKeyReplayedAfterRelinkingAnswersAccountChangedAndSendsNothing()
    {
        await _driver.ConnectAsync();
        await OpenOrderAsync("paper-open-2");
        _driver.Host.Control.AddFault(new FaultRule { Route = "DELETE /v2/orders/{orderId}", Kind = FaultKind.ServerError, Status = 503 });
        var first = await CancelAllAsync("cancel-all-relinked");
        Assert.Equal("UPSTREAM_UNAVAILABLE", Assert.Single(Items(first)).GetProperty("errors")[0].Str("code"));
        await _driver.ConnectAsync(environment: "LIVE");
        var deletes = Deletes;

        var again = await CancelAllAsync("cancel-all-relinked");

        Assert.Equal(("BatchAccountChangedError", "ACCOUNT_CHANGED"), (OrderDriver.Error(again).Str("__typename"), OrderDriver.Error(again).Str("code")));
        Assert.Equal(deletes, Deletes);
    }

    [Fact]
    public async Task WithoutAConnectionOrWithABadKeyTheErrorIsTyped()
    {
        Assert.Equal(["NOT_CONNECTED"], OrderDriver.Codes(await CancelAllAsync("no-connection")));
        await _driver.ConnectAsync();
        Assert.Equal(("ORDER_INVALID", "idempotencyKey"), (OrderDriver.Error(await CancelAllAsync(" ")).Str("code"), OrderDriver.Error(await CancelAllAsync(" ")).Str("field")));
        Assert.Equal(0, Deletes);
    }

    [Fact]
    public async Task ARevokedTokenAsksTheUserToReconnect()
    {
        await _driver.ConnectAsync();
        await OpenOrderAsync("open-revoked");
        var fingerprint = _driver.Host.Control.Requests.Last(r => r.TokenFingerprint is not null).TokenFingerprint!;
        _driver.Host.Control.RevokeTokenByFingerprint(fingerprint);

        Assert.Equal(["REAUTH_REQUIRED"], OrderDriver.Codes(await CancelAllAsync("cancel-all-revoked")));
        Assert.Equal(0, Deletes);
    }
}
