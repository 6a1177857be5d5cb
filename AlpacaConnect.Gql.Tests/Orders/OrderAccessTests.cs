using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>BOLA (checklist §3.2): another user's order id reads exactly like a missing one.</summary>
public sealed class OrderAccessTests : IDisposable
{
    private const string OrderQuery = "query($id: ID!) { order(id: $id) { id symbol status } }";
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
        Assert.Equal(missing.Raw, bobs.Raw);
    }
}
