using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// BOLA (checklist §3.2): another user's order id reads exactly like a missing one in every field and mutation that
/// takes one, filters never reach another user's orders, and another user's cursor is refused.
/// </summary>
public sealed class OrderAccessTests : IDisposable
{
    private const string OrderQuery = "query($id: ID!) { order(id: $id) { id symbol status } }";
    private const string Cancel = """
        mutation($input: CancelOrderInput!) {
          cancelOrder(input: $input) { order { id status } errors { __typename ... on Error { code message } } }
        }
        """;
    private static readonly string[] AlicesSymbols = ["AAPL", "MSFT"];

    private const string Replace = "mutation($input: ReplaceOrderInput!) { replaceOrder(input: $input) { order { id } errors { ... on Error { code } } } }";
    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    [Fact]
    public async Task TheOwnerReadsTheirOrder()
    {
        await _driver.ConnectAsync();
        var id = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.MarketBuy("mine-1"))).GetProperty("id").GetString();

        var response = await _driver.GraphQLAsync("app-alice", OrderQuery, new { id });

        Assert.Equal(id, response.Data.GetProperty("order").GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnotherUsersOrderIdReadsAsNotFound()
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
        var id = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.MarketBuy("alice-1"))).GetProperty("id").GetString();

        var bobs = await _driver.GraphQLAsync("app-bob", OrderQuery, new { id });
        var missing = await _driver.GraphQLAsync("app-bob", OrderQuery, new { id = Guid.NewGuid().ToString() });

        Assert.Equal(JsonValueKind.Null, bobs.Data.GetProperty("order").ValueKind);
        Assert.Equal(["NOT_FOUND"], bobs.ErrorCodes);
        Assert.Equal(missing.Raw, bobs.Raw);
    }

    [Fact]
    public async Task NoneOfAnotherUsersOrderIdsReachesTheirOrderThroughAnyFieldOrMutation()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Orders:SyncStaleAfter", "00:00:00"));
        await driver.ConnectAsync();
        await driver.ConnectAsync("app-bob", "bob");
        var filled = IdOf(await driver.PlaceAsync(OrderDriver.MarketBuy("a-filled")));
        var open = IdOf(await driver.PlaceAsync(OrderDriver.LimitBuy("a-open", qty: "1", limitPrice: "150")));
        var cancelled = IdOf(await driver.PlaceAsync(OrderDriver.LimitBuy("a-cancelled", qty: "1", limitPrice: "150")));
        Assert.Empty(OrderDriver.Codes(await CancelAsync(driver, "app-alice", cancelled)));
        driver.Host.Control.ProcessNow();
        var bobsOwn = IdOf(await driver.PlaceAsync(OrderDriver.MarketBuy("b-own"), "app-bob"));
        var missing = Guid.NewGuid().ToString();
        var deletesBefore = Deletes(driver);

        foreach (var id in new[] { filled, open, cancelled })
        {
            var read = await driver.GraphQLAsync("app-bob", OrderQuery, new { id });
            var readMissing = await driver.GraphQLAsync("app-bob", OrderQuery, new { id = missing });
            Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("order").ValueKind);
            Assert.Equal(["NOT_FOUND"], read.ErrorCodes);
            Assert.Equal(readMissing.Raw, read.Raw);

            var replace = await driver.GraphQLAsync("app-bob", Replace, new { input = new { orderId = id, idempotencyKey = "b-replace-" + id, limitPrice = "151" } });
            var replaceMissing = await driver.GraphQLAsync("app-bob", Replace, new { input = new { orderId = missing, idempotencyKey = "b-replace-" + id, limitPrice = "151" } });
            Assert.Equal(["NOT_FOUND"], OrderDriver.Codes(replace.Data.GetProperty("replaceOrder")));
            Assert.Equal(replaceMissing.Raw, replace.Raw);

            var cancel = await CancelAsync(driver, "app-bob", id);
            var cancelMissing = await CancelAsync(driver, "app-bob", missing);
            Assert.Equal(["NOT_FOUND"], OrderDriver.Codes(cancel));
            Assert.Equal(JsonValueKind.Null, OrderDriver.Order(cancel).ValueKind);
            Assert.Equal(cancelMissing.GetRawText(), cancel.GetRawText());
        }

        Assert.Equal(deletesBefore, Deletes(driver));
        Assert.Equal(0, driver.Host.Control.Requests.Count(r => r.Route == "PATCH /v2/orders/{orderId}"));
        var alices = await OrderPages.PageAsync(driver, "app-alice", new { status = "ALL" });
        var statuses = alices.GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("status").GetString()).ToList();
        Assert.Equal([cancelled, open, filled], OrderPages.Ids(alices));
        Assert.Equal(["CANCELED", "NEW", "FILLED"], statuses);
    }

    [Theory]
    [InlineData("ALL")]
    [InlineData("OPEN")]
    [InlineData("CLOSED")]
    public async Task FilteringForAnotherUsersOrdersListsOnlyTheCallersOwn(string status)
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
        await _driver.PlaceAsync(OrderDriver.MarketBuy("a-aapl", symbol: "AAPL"));
        await _driver.PlaceAsync(OrderDriver.MarketBuy("a-msft", symbol: "MSFT"));
        var bobs = IdOf(await _driver.PlaceAsync(OrderDriver.MarketBuy("b-aapl", symbol: "AAPL"), "app-bob"));

        var page = await OrderPages.PageAsync(_driver, "app-bob", new
        {
            status,
            symbols = AlicesSymbols,
            side = "BUY",
            submittedAfter = "2000-01-01T00:00:00Z",
            submittedBefore = "2999-01-01T00:00:00Z",
        });

        Assert.Equal(status == "CLOSED" ? [] : [bobs], OrderPages.Ids(page));
        Assert.Equal(status == "CLOSED" ? 0 : 1, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task AnotherUsersCursorIsBadUserInput()
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
        await _driver.PlaceAsync(OrderDriver.MarketBuy("a-1"));
        await _driver.PlaceAsync(OrderDriver.MarketBuy("a-2"));
        await _driver.PlaceAsync(OrderDriver.MarketBuy("b-1"), "app-bob");
        var alices = await OrderPages.PageAsync(_driver, "app-alice", new { first = 1, status = "ALL" });

        var response = await OrderPages.ReadAsync(_driver, "app-bob", new { after = OrderPages.EndCursor(alices), status = "ALL" });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.False(response.HasData);
    }

    private static string IdOf(JsonElement payload) => OrderDriver.Order(payload).GetProperty("id").GetString()!;

    private static int Deletes(OrderDriver driver) => driver.Host.Control.Requests.Count(r => r.Route == "DELETE /v2/orders/{orderId}");

    private static async Task<JsonElement> CancelAsync(OrderDriver driver, string user, string id)
    {
        var response = await driver.GraphQLAsync(user, Cancel, new { input = new { orderId = id } });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("cancelOrder");
    }
}
