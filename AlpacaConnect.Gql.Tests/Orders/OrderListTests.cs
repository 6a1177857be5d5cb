using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary><c>orders</c>: the caller's history as a Relay connection, newest first, with keyset cursors.</summary>
public sealed class OrderListTests : IDisposable
{
    private static readonly string[] LowerCaseMicrosoft = [" msft "];
    private readonly OrderDriver _driver = new();

    public void Dispose() => _driver.Dispose();

    private async Task<List<string>> PlaceAsync(string prefix, int count, string symbol = "AAPL")
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var payload = await _driver.PlaceAsync(OrderDriver.MarketBuy($"{prefix}-{i}", symbol: symbol));
            ids.Add(OrderDriver.Order(payload).GetProperty("id").GetString()!);
        }

        return ids;
    }

    [Fact]
    public async Task OrdersAreListedNewestFirstWithTheirCount()
    {
        await _driver.ConnectAsync();
        var placed = await PlaceAsync("list", 3);

        var page = await OrderPages.PageAsync(_driver, "app-alice");

        Assert.Equal(Enumerable.Reverse(placed), OrderPages.Ids(page));
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.False(OrderPages.HasNextPage(page));
    }

    [Fact]
    public async Task PagingWhileNewOrdersArriveNeitherRepeatsNorSkipsAnOrder()
    {
        await _driver.ConnectAsync();
        var placed = await PlaceAsync("old", 5);

        var first = await OrderPages.PageAsync(_driver, "app-alice", new { first = 2, status = "ALL" });
        var arrived = await PlaceAsync("new", 3);
        var second = await OrderPages.PageAsync(_driver, "app-alice", new { first = 2, after = OrderPages.EndCursor(first), status = "ALL" });
        var third = await OrderPages.PageAsync(_driver, "app-alice", new { first = 2, after = OrderPages.EndCursor(second), status = "ALL" });

        Assert.True(OrderPages.HasNextPage(first));
        Assert.True(OrderPages.HasNextPage(second));
        Assert.False(OrderPages.HasNextPage(third));
        var read = OrderPages.Ids(first).Concat(OrderPages.Ids(second)).Concat(OrderPages.Ids(third)).ToList();
        Assert.Equal(Enumerable.Reverse(placed), read);
        Assert.DoesNotContain(read, arrived.Contains);
        Assert.Equal(8, third.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task EachEdgeCursorContinuesRightAfterItsOrder()
    {
        await _driver.ConnectAsync();
        var placed = await PlaceAsync("edge", 3);

        var all = await OrderPages.PageAsync(_driver, "app-alice");
        var middle = all.GetProperty("edges")[1].GetProperty("cursor").GetString();
        var rest = await OrderPages.PageAsync(_driver, "app-alice", new { after = middle, status = "ALL" });

        Assert.Equal([placed[0]], OrderPages.Ids(rest));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("")]
    [InlineData("bzF8eHx5fHo")] // base64url of "o1|x|y|z": the right shape, not a cursor
    [InlineData("bzF8NjM4NjkwMDAwMDAwMDAwMDAwfDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwfDAwMDAwMDAwMDAwMDAwMDA")] // a forged one
    public async Task ACursorThisServerDidNotIssueIsBadUserInput(string cursor)
    {
        await _driver.ConnectAsync();
        await PlaceAsync("bad", 1);

        var response = await OrderPages.ReadAsync(_driver, "app-alice", new { after = cursor, status = "ALL" });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task ANegativeFirstIsBadUserInput()
    {
        await _driver.ConnectAsync();

        var response = await OrderPages.ReadAsync(_driver, "app-alice", new { first = -1 });

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task OpenIsTheDefaultAndClosedHoldsFilledOrders()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Orders:SyncStaleAfter", "00:00:00"));
        await driver.ConnectAsync();
        var filled = OrderDriver.Order(await driver.PlaceAsync(OrderDriver.MarketBuy("fills"))).GetProperty("id").GetString();
        driver.Host.Control.ProcessNow();
        var open = OrderDriver.Order(await driver.PlaceAsync(OrderDriver.MarketBuy("rests"))).GetProperty("id").GetString();

        var byDefault = await OrderPages.PageAsync(driver, "app-alice", new { });
        var closed = await OrderPages.PageAsync(driver, "app-alice", new { status = "CLOSED" });
        var all = await OrderPages.PageAsync(driver, "app-alice", new { status = "ALL" });

        Assert.Equal([open!], OrderPages.Ids(byDefault));
        Assert.Equal([filled!], OrderPages.Ids(closed));
        Assert.Equal([open!, filled!], OrderPages.Ids(all));
    }

    [Fact]
    public async Task SymbolsSideAndSubmissionTimeFilter()
    {
        await _driver.ConnectAsync();
        var apple = await PlaceAsync("aapl", 1, "AAPL");
        var microsoft = await PlaceAsync("msft", 1, "MSFT");

        var bySymbol = await OrderPages.PageAsync(_driver, "app-alice", new { status = "ALL", symbols = LowerCaseMicrosoft });
        var sells = await OrderPages.PageAsync(_driver, "app-alice", new { status = "ALL", side = "SELL" });
        var buys = await OrderPages.PageAsync(_driver, "app-alice", new { status = "ALL", side = "BUY" });
        var later = await OrderPages.PageAsync(_driver, "app-alice", new { status = "ALL", submittedAfter = "2999-01-01T00:00:00Z" });
        var earlier = await OrderPages.PageAsync(_driver, "app-alice", new { status = "ALL", submittedBefore = "2999-01-01T00:00:00Z", submittedAfter = "2000-01-01T00:00:00Z" });

        Assert.Equal(microsoft, OrderPages.Ids(bySymbol));
        Assert.Empty(OrderPages.Ids(sells));
        Assert.Equal(microsoft.Concat(apple), OrderPages.Ids(buys));
        Assert.Empty(OrderPages.Ids(later));
        Assert.Equal(microsoft.Concat(apple), OrderPages.Ids(earlier));
    }

    [Fact]
    public async Task AnEmptyHistoryIsAnEmptyPage()
    {
        await _driver.ConnectAsync();

        var page = await OrderPages.PageAsync(_driver, "app-alice");

        Assert.Empty(OrderPages.Ids(page));
        Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
        Assert.Null(OrderPages.EndCursor(page));
    }

    [Fact]
    public async Task OrdersSavedAtTheSameInstantArePagedByIdWithoutRepeatsOrGaps()
    {
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        using var driver = new OrderDriver(host => host.WithServices(s => s.AddSingleton<TimeProvider>(frozen)));
        await driver.ConnectAsync();
        var placed = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            placed.Add(OrderDriver.Order(await driver.PlaceAsync(OrderDriver.MarketBuy($"same-{i}"))).GetProperty("id").GetString()!);
        }

        var read = new List<string>();
        string? after = null;
        do
        {
            var page = await OrderPages.PageAsync(driver, "app-alice", new { first = 1, after, status = "ALL" });
            read.AddRange(OrderPages.Ids(page));
            after = OrderPages.HasNextPage(page) ? OrderPages.EndCursor(page) : null;
        }
        while (after is not null);

        Assert.Equal(4, read.Count);
        Assert.Equal(placed.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
        Assert.Equal(read.OrderDescending(StringComparer.OrdinalIgnoreCase), read);
    }
}
