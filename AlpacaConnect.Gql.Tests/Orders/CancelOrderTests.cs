using AlpacaConnect.Sandbox.Faults;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>cancelOrder: a 204 is only a request; another user's order id is NOT_FOUND (BOLA, checklist §3.2).</summary>
public sealed class CancelOrderTests : IDisposable
{
    private const string Cancel = """
        mutation($input: CancelOrderInput!) {
          cancelOrder(input: $input) { order { id status } errors { __typename ... on Error { code message } } }
        }
        """;

    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    private int Deletes => _driver.Host.Control.Requests.Count(r => r.Route == "DELETE /v2/orders/{orderId}");

    private async Task<System.Text.Json.JsonElement> CancelAsync(string? id, string user = "app-alice")
    {
        var response = await _driver.GraphQLAsync(user, Cancel, new { input = new { orderId = id } });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("cancelOrder");
    }

    private async Task<string> PlaceLimitAsync(string key) =>
        OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.LimitBuy(key, qty: "1", limitPrice: "150"))).GetProperty("id").GetString()!;

    [Fact]
    public async Task CancellingAnOpenOrderReportsItAsPendingCancel()
    {
        await _driver.ConnectAsync();
        var id = await PlaceLimitAsync("cancel-1");

        var payload = await CancelAsync(id);

        Assert.Empty(OrderDriver.Codes(payload));
        Assert.Equal("PENDING_CANCEL", OrderDriver.Order(payload).GetProperty("status").GetString());
        Assert.Equal(1, Deletes);
    }

    [Fact]
    public async Task AnotherUsersOrderCannotBeCancelledAndReadsAsNotFound()
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
        var id = await PlaceLimitAsync("alice-open");

        var bobs = await CancelAsync(id, user: "app-bob");
        var missing = await CancelAsync(Guid.NewGuid().ToString(), user: "app-bob");

        Assert.Equal(["NOT_FOUND"], OrderDriver.Codes(bobs));
        Assert.Equal(missing.ToString(), bobs.ToString());
        Assert.Equal(0, Deletes);
        Assert.NotEqual("PENDING_CANCEL", (await _driver.GraphQLAsync("app-alice", "query($id: ID!) { order(id: $id) { status } }", new { id }))
            .Data.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOrderThatFilledMeanwhileIsNotCancelableAndShowsItsStatus()
    {
        await _driver.ConnectAsync();
        var id = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.MarketBuy("filled-1"))).GetProperty("id").GetString();
        _driver.Host.Control.ProcessNow();

        var payload = await CancelAsync(id);

        Assert.Equal(["ORDER_NOT_CANCELABLE"], OrderDriver.Codes(payload));
        Assert.Equal("FILLED", OrderDriver.Order(payload).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnansweredCancelIsATypedUnconfirmedErrorAndAskingAgainWorks()
    {
        await _driver.ConnectAsync();
        var id = await PlaceLimitAsync("cancel-503");
        _driver.Host.Control.AddFault(new FaultRule { Route = "DELETE /v2/orders/{orderId}", Kind = FaultKind.ServerError, Status = 503 });

        var unanswered = await CancelAsync(id);
        var again = await CancelAsync(id);

        Assert.Equal("CancelUnconfirmedError", Assert.Single(unanswered.GetProperty("errors").EnumerateArray()).GetProperty("__typename").GetString());
        Assert.Equal("NEW", OrderDriver.Order(unanswered).GetProperty("status").GetString());
        Assert.Empty(OrderDriver.Codes(again));
        Assert.Equal("PENDING_CANCEL", OrderDriver.Order(again).GetProperty("status").GetString());
    }
}
