using System.Net;
using AlpacaConnect.Gql.Tests.Orders;

namespace AlpacaConnect.Gql.Tests.Operators;

/// <summary>
/// What an operator can do about a support ticket: see a user's connection, orders and events, end the connection,
/// and settle a stuck order by asking Alpaca (never by sending). Every action leaves an audit row.
/// </summary>
public sealed class OperatorActionTests : IDisposable
{
    private readonly OrderDriver _driver = new();
    private readonly OperatorApi _operator;

    public OperatorActionTests()
    {
        _operator = OperatorApi.On(_driver);
    }

    public void Dispose()
    {
        _operator.Dispose();
        _driver.Dispose();
    }

    [Fact]
    public async Task LookingUpAUserShowsTheConnectionOrdersAndEventsWithoutTokens()
    {
        await _driver.ConnectAsync();
        var placed = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.MarketBuy("look-1"))).GetProperty("id").GetString();

        var user = await _operator.LookUpAsync("app-alice");

        Assert.True(user.GetProperty("inRollout").GetBoolean());
        Assert.Equal("Connected", user.GetProperty("connection").GetProperty("status").GetString());
        var order = Assert.Single(user.GetProperty("orders").EnumerateArray());
        Assert.Equal(placed, order.GetProperty("id").GetString());
        Assert.NotEmpty(order.GetProperty("events").EnumerateArray());
        Assert.DoesNotContain("Ciphertext", user.ToString(), StringComparison.OrdinalIgnoreCase);
        var entry = Assert.Single(await _operator.AuditAsync());
        Assert.Equal(("user.lookup", "app-alice", "shown"), (entry.Action, entry.Target, entry.Outcome));
    }

    [Fact]
    public async Task ForcingADisconnectEndsTheUsersConnection()
    {
        await _driver.ConnectAsync();

        var first = await OperatorApi.OkJsonAsync(_operator.PostAsync("/operator/users/app-alice/disconnect", new { reason = OperatorApi.Reason }));
        var again = await OperatorApi.OkJsonAsync(_operator.PostAsync("/operator/users/app-alice/disconnect", new { reason = OperatorApi.Reason }));

        Assert.Equal("disconnected", first.GetProperty("outcome").GetString());
        Assert.Equal("not-connected", again.GetProperty("outcome").GetString());
        Assert.Equal(["NOT_CONNECTED"], OrderDriver.Codes(await _driver.PlaceAsync(OrderDriver.MarketBuy("after-disconnect"))));
        Assert.Equal(["disconnected", "not-connected"], (await _operator.AuditAsync()).Select(e => e.Outcome));
    }

    [Fact]
    public async Task SettlingAStuckOrderAsksAlpacaAtItsAccountAndNeverSends()
    {
        await _driver.ConnectAsync();
        var id = OrderDriver.Order(await _driver.PlaceAsync(OrderDriver.MarketBuy("stuck-1"))).GetProperty("id").GetString();
        _driver.Host.Control.ProcessNow();

        var settled = await OperatorApi.OkJsonAsync(_operator.PostAsync($"/operator/orders/{id}/settle", new { reason = OperatorApi.Reason }));

        Assert.True(settled.GetProperty("outcome").GetString() is "settled" or "already-settled", settled.ToString());
        Assert.Equal("Filled", settled.GetProperty("subject").GetProperty("status").GetString());
        Assert.Equal(1, _driver.OrderPosts);
        var entry = Assert.Single(await _operator.AuditAsync());
        Assert.Equal(("order.settle", id, "op-ann", OperatorApi.Reason), (entry.Action, entry.Target, entry.Operator, entry.Reason));
    }

    [Fact]
    public async Task SettlingAnUnknownOrderIsNotFoundAndAudited()
    {
        using var response = await _operator.PostAsync($"/operator/orders/{Guid.NewGuid()}/settle", new { reason = OperatorApi.Reason });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", Assert.Single(await _operator.AuditAsync()).Outcome);
    }
}
