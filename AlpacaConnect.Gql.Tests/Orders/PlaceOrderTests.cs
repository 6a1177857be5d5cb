using System.Text.Json;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Orders;

public sealed class PlaceOrderTests : IDisposable
{
    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    [Fact]
    public async Task AMarketOrderIsSavedSentOnceAndReportedWithAlpacasId()
    {
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("buy-1", qty: "2"));

        Assert.Empty(OrderDriver.Codes(payload));
        var order = OrderDriver.Order(payload);
        Assert.Equal("AAPL", order.GetProperty("symbol").GetString());
        Assert.Equal("MARKET", order.GetProperty("type").GetString());
        Assert.Equal("2", order.GetProperty("qty").GetString());
        Assert.True(order.GetProperty("status").GetString() is "ACCEPTED" or "NEW" or "PENDING_NEW", order.ToString());
        var held = Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal(held.GetProperty("id").GetString(), order.GetProperty("alpacaOrderId").GetString());
        Assert.Equal(held.GetProperty("client_order_id").GetString(), order.GetProperty("clientOrderId").GetString());
        Assert.Equal(1, _driver.OrderPosts);
    }

    [Fact]
    public async Task TheAccountReadAfterAnOrderShowsItsReservedBuyingPower()
    {
        await _driver.ConnectAsync();
        decimal BuyingPower(GraphQLResponse r) => decimal.Parse(r.Data.GetProperty("account").GetProperty("buyingPower").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var before = BuyingPower(await _driver.GraphQLAsync("app-alice", "{ account { buyingPower } }"));

        await _driver.PlaceAsync(OrderDriver.LimitBuy("reserve-1", qty: "10", limitPrice: "100"));
        var after = BuyingPower(await _driver.GraphQLAsync("app-alice", "{ account { buyingPower } }"));

        // The account was cached a moment before; placing the order must not leave the app looking at it.
        Assert.Equal(before - 1000m, after);
    }

    [Fact]
    public async Task ALimitOrderCarriesItsPriceToAlpaca()
    {
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(OrderDriver.LimitBuy("limit-1", qty: "3", limitPrice: "185.50"));

        Assert.Empty(OrderDriver.Codes(payload));
        Assert.Equal("185.5", OrderDriver.Order(payload).GetProperty("limitPrice").GetString());
        var held = Assert.Single(await _driver.SandboxOrdersAsync());
        Assert.Equal("limit", held.GetProperty("type").GetString());
        Assert.Equal("185.5", held.GetProperty("limit_price").GetString());
    }

    [Fact]
    public async Task TheClientOrderIdIsDerivedFromUserAndKeyAndSavedBeforeSending()
    {
        // T-ID-06
        await _driver.ConnectAsync();

        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("derive-1"));

        var clientOrderId = OrderDriver.Order(payload).GetProperty("clientOrderId").GetString()!;
        Assert.Equal(ClientOrderIds.Derive("app-alice", "derive-1"), clientOrderId);
        Assert.InRange(clientOrderId.Length, 1, 48);
        Assert.NotEqual(ClientOrderIds.Derive("app-bob", "derive-1"), clientOrderId);
        await using var db = await _driver.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var events = await db.Set<OrderEvent>().OrderBy(e => e.Id).Select(e => e.Status).ToListAsync();
        Assert.Equal(OrderStatus.PendingSubmit, events[0]);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task InsufficientBuyingPowerIsATypedRejectionReplayedForTheSameKey()
    {
        using var driver = new OrderDriver(host => host
            .WithSetting("Guardrails:MaxNotionalPerOrder", "100000000")
            .WithSetting("Guardrails:MaxDailyNotional", "100000000"));
        await driver.ConnectAsync();
        var order = OrderDriver.LimitBuy("big-1", qty: "9000", limitPrice: "190");

        var first = await driver.PlaceAsync(order);
        var again = await driver.PlaceAsync(order);

        foreach (var payload in new[] { first, again })
        {
            var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
            Assert.Equal("INSUFFICIENT_BUYING_POWER", error.GetProperty("code").GetString());
            Assert.Equal(40310000, error.GetProperty("upstreamCode").GetInt32());
            Assert.Equal("REJECTED", OrderDriver.Order(payload).GetProperty("status").GetString());
        }

        Assert.Equal(1, driver.OrderPosts);
    }

    [Fact]
    public async Task WithoutAConnectionNothingIsSentAndTheErrorIsTyped()
    {
        var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy("nc-1"));

        Assert.Equal(["NOT_CONNECTED"], OrderDriver.Codes(payload));
        Assert.Equal(JsonValueKind.Null, OrderDriver.Order(payload).ValueKind);
        Assert.Equal(0, _driver.OrderPosts);
    }
}
