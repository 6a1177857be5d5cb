using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;

namespace AlpacaConnect.Gql.Tests.Operators;

/// <summary>
/// The kill switch through the operator API: a pause for everyone, one user or one account stops placement at once
/// (nothing reaches Alpaca), while reads and cancels keep working; lifting it restores trading. Each switch is audited.
/// </summary>
public sealed class KillSwitchTests : IDisposable
{
    private const string Cancel = "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } errors { ... on Error { code } } } }";

    private const string PlaceWithScope = """
        mutation($input: PlaceOrderInput!) {
          placeOrder(input: $input) { order { id } errors { ... on Error { code } ... on TradingPausedError { scope since } } }
        }
        """;

    private readonly OrderDriver _driver = new();
    private readonly OperatorApi _operator;

    public KillSwitchTests()
    {
        _operator = OperatorApi.On(_driver);
    }

    public void Dispose()
    {
        _operator.Dispose();
        _driver.Dispose();
    }

    private async Task<JsonElement> PlaceAsync(string user, string key)
    {
        var response = await _driver.GraphQLAsync(user, PlaceWithScope, new { input = OrderDriver.MarketBuy(key) });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("placeOrder");
    }

    private async Task ConnectBothAsync()
    {
        await _driver.ConnectAsync();
        await _driver.ConnectAsync("app-bob", "bob");
    }

    [Fact]
    public async Task PausingEveryoneStopsPlacementWhileCancelsAndReadsStillWork()
    {
        await ConnectBothAsync();
        var open = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.LimitBuy("open-1", qty: "1", limitPrice: "150"))).GetProperty("id").GetString();
        var posts = _driver.OrderPosts;

        Assert.Equal("paused", (await _operator.PauseAsync("ALL")).GetProperty("outcome").GetString());
        var alice = await PlaceAsync("app-alice", "paused-1");
        var bob = await PlaceAsync("app-bob", "paused-2");

        foreach (var refused in new[] { alice, bob })
        {
            var error = OrderDriver.Error(refused);
            Assert.Equal("TRADING_PAUSED", error.GetProperty("code").GetString());
            Assert.Equal("ALL", error.GetProperty("scope").GetString());
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("order").ValueKind);
        }

        Assert.Equal(posts, _driver.OrderPosts);
        var orders = await _driver.GraphQLAsync("app-alice", "{ orders(first: 10, status: ALL) { edges { node { id status } } } }");
        Assert.True(orders.Errors.Count == 0, orders.Raw);
        Assert.Single(orders.Data.GetProperty("orders").GetProperty("edges").EnumerateArray());
        var cancelled = await _driver.GraphQLAsync("app-alice", Cancel, new { input = new { orderId = open } });
        Assert.Equal("PENDING_CANCEL", cancelled.Data.GetProperty("cancelOrder").GetProperty("order").GetProperty("status").GetString());

        Assert.Equal("resumed", (await _operator.ResumeAsync("ALL")).GetProperty("outcome").GetString());
        Assert.Empty(OrderDriver.Codes(await PlaceAsync("app-alice", "resumed-1")));
        Assert.Equal(posts + 1, _driver.OrderPosts);
    }

    [Fact]
    public async Task PausingOneUserStopsOnlyThatUser()
    {
        await ConnectBothAsync();

        await _operator.PauseAsync("USER", "app-alice");

        var alice = OrderDriver.Error(await PlaceAsync("app-alice", "u-1"));
        Assert.Equal("TRADING_PAUSED", alice.GetProperty("code").GetString());
        Assert.Equal("USER", alice.GetProperty("scope").GetString());
        Assert.Empty(OrderDriver.Codes(await PlaceAsync("app-bob", "u-2")));
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task PausingOneAccountStopsOnlyThatAccount()
    {
        await ConnectBothAsync();
        var account = (await _operator.LookUpAsync("app-alice")).GetProperty("connection").GetProperty("accountId").GetString();

        await _operator.PauseAsync("ACCOUNT", account);

        var alice = OrderDriver.Error(await PlaceAsync("app-alice", "a-1"));
        Assert.Equal("TRADING_PAUSED", alice.GetProperty("code").GetString());
        Assert.Equal("ACCOUNT", alice.GetProperty("scope").GetString());
        Assert.Empty(OrderDriver.Codes(await PlaceAsync("app-bob", "a-2")));
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task EverySwitchIsAuditedWithWhoWhenAndWhy()
    {
        await _driver.ConnectAsync();

        await _operator.PauseAsync("USER", "app-alice");
        await _operator.PauseAsync("USER", "app-alice");
        await _operator.ResumeAsync("USER", "app-alice");
        await _operator.ResumeAsync("USER", "app-alice");

        var audit = await _operator.AuditAsync();
        Assert.Equal(["paused", "already-paused", "resumed", "not-paused"], audit.Select(e => e.Outcome));
        Assert.All(audit, e =>
        {
            Assert.Equal("op-ann", e.Operator);
            Assert.Equal(OperatorApi.Reason, e.Reason);
            Assert.Equal("USER:app-alice", e.Target);
            Assert.NotEqual(default, e.At);
        });
    }
}
