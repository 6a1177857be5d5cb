using System.Net.Http.Json;
using System.Text.Json;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// The order history catches up with Alpaca when it is read and stale. The trade_updates stream is off here: its
/// reconciliations read the same endpoint, and these tests count the reads a history sync makes.
/// </summary>
public sealed class OrderHistorySyncTests
{
    private const string OrderQuery = "query($id: ID!) { order(id: $id) { id status filledQty filledAvgPrice filledAt } }";

    private static int ListReads(OrderDriver driver) => driver.Host.Control.Requests.Count(r => r.Route == "GET /v2/orders");

    private static string IdOf(JsonElement payload) => OrderDriver.Order(payload).GetProperty("id").GetString()!;

    [Fact]
    public async Task AFillAtAlpacaShowsInOrdersAndOrderWithAnEventForIt()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off").WithSetting("Orders:SyncStaleAfter", "00:00:00"));
        await driver.ConnectAsync();
        var id = IdOf(await driver.PlaceAsync(OrderDriver.MarketBuy("sync-fill", qty: "2")));
        driver.Host.Control.ProcessNow();

        var listed = (await OrderPages.PageAsync(driver, "app-alice", new { status = "OPEN" })).GetProperty("edges");
        var closed = (await OrderPages.PageAsync(driver, "app-alice", new { status = "CLOSED" })).GetProperty("edges")[0].GetProperty("node");
        var single = (await driver.GraphQLAsync("app-alice", OrderQuery, new { id })).Data.GetProperty("order");

        Assert.Equal(0, listed.GetArrayLength());
        Assert.Equal(id, closed.GetProperty("id").GetString());
        Assert.Equal("FILLED", closed.GetProperty("status").GetString());
        Assert.Equal("2", closed.GetProperty("filledQty").GetString());
        Assert.Equal("FILLED", single.GetProperty("status").GetString());
        Assert.Equal("2", single.GetProperty("filledQty").GetString());
        Assert.True(decimal.Parse(single.GetProperty("filledAvgPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual(JsonValueKind.Null, single.GetProperty("filledAt").ValueKind);
        await using var db = await driver.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var fill = await db.Set<OrderEvent>().SingleAsync(e => e.OrderId == Guid.Parse(id) && e.Status == OrderStatus.Filled);
        Assert.Equal("sync", fill.Source);
        Assert.Equal(2m, fill.FilledQty);
    }

    [Fact]
    public async Task AFreshHistoryIsNotSyncedAgainButPlacingAnOrderMakesItStale()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off").WithSetting("Orders:SyncStaleAfter", "01:00:00"));
        await driver.ConnectAsync();
        await driver.PlaceAsync(OrderDriver.MarketBuy("fresh-1"));

        await OrderPages.PageAsync(driver, "app-alice");
        await OrderPages.PageAsync(driver, "app-alice");
        var afterTwoReads = ListReads(driver);
        await driver.PlaceAsync(OrderDriver.MarketBuy("fresh-2"));
        await OrderPages.PageAsync(driver, "app-alice");

        Assert.Equal(1, afterTwoReads);
        Assert.Equal(2, ListReads(driver));
    }

    [Fact]
    public async Task WithNoOpenOrdersNothingIsAskedOfAlpaca()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off"));
        await driver.ConnectAsync();

        await OrderPages.PageAsync(driver, "app-alice");

        Assert.Equal(0, ListReads(driver));
    }

    [Fact]
    public async Task AFailingSyncServesTheHistoryAsRecorded()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off").WithSetting("Orders:SyncStaleAfter", "00:00:00"));
        await driver.ConnectAsync();
        var id = IdOf(await driver.PlaceAsync(OrderDriver.MarketBuy("sync-down")));
        driver.Host.Control.ProcessNow();
        driver.Host.Control.AddFault(new FaultRule { Route = "GET /v2/orders", Kind = FaultKind.ServerError, Count = null });

        var page = await OrderPages.PageAsync(driver, "app-alice");
        var single = await driver.GraphQLAsync("app-alice", OrderQuery, new { id });

        Assert.Equal([id], OrderPages.Ids(page));
        Assert.NotEqual("FILLED", page.GetProperty("edges")[0].GetProperty("node").GetProperty("status").GetString());
        Assert.Empty(single.Errors);
        Assert.Equal(id, single.Data.GetProperty("order").GetProperty("id").GetString());
        Assert.True(ListReads(driver) > 0);
    }

    [Fact]
    public async Task AnOrderPlacedOutsideThisServerIsNotListed()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off").WithSetting("Orders:SyncStaleAfter", "00:00:00"));
        await driver.ConnectAsync();
        var ours = IdOf(await driver.PlaceAsync(OrderDriver.MarketBuy("ours")));
        using (var trading = driver.Host.Trading(SandboxEnvironment.Paper, driver.Host.Token(user: "alice")))
        {
            using var posted = await trading.PostAsJsonAsync("v2/orders", new { symbol = "AAPL", qty = "1", side = "buy", type = "market", time_in_force = "day" });
            posted.EnsureSuccessStatusCode();
        }

        var page = await OrderPages.PageAsync(driver, "app-alice", new { status = "ALL" });

        Assert.Equal([ours], OrderPages.Ids(page));
        Assert.Equal(2, (await driver.SandboxOrdersAsync()).Count);
    }

    /// <summary>
    /// After a long outage more orders changed than one pass's pages reach. Each pass used to read the newest pages again,
    /// so the older ones waited for one-by-one lookups (20 a pass) for ever after: a soak ended with 1,596 filled orders
    /// still open here. Pages of two orders, two pages a pass and no lookups: the second pass reaches the oldest two.
    /// </summary>
    [Fact]
    public async Task PassesSweepTheWholeHistoryInsteadOfRereadingItsNewestPages()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off").WithSetting("Orders:SyncStaleAfter", "00:00:00")
            .WithSetting("Orders:PageSize", "2").WithSetting("Orders:MaxPagesPerPass", "2").WithSetting("Orders:MaxLookupsPerPass", "0"));
        await driver.ConnectAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(IdOf(await driver.PlaceAsync(OrderDriver.MarketBuy($"sweep-{i}"))));
        }

        driver.Host.Control.ProcessNow();
        await OrderPages.PageAsync(driver, "app-alice");
        var page = await OrderPages.PageAsync(driver, "app-alice", new { status = "ALL" });

        var statuses = page.GetProperty("edges").EnumerateArray()
            .ToDictionary(e => e.GetProperty("node").GetProperty("id").GetString()!, e => e.GetProperty("node").GetProperty("status").GetString());
        Assert.All(ids, id => Assert.Equal("FILLED", statuses[id]));
    }
}
