using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// A phone's socket drops while orders fill: the real <c>graphql-ws</c> client resubscribes with
/// <c>orderUpdated(after:)</c> and gets exactly what it missed, in order, then live updates, none twice.
/// </summary>
public sealed class OrderLogResumeTests(ITestOutputHelper output)
{
    private const string Log = """
        query($after: ID, $first: Int) {
          orderEvents(after: $after, first: $first) { updates { id event order { id status filledQty } } hasNextPage endCursor }
        }
        """;

    [Fact]
    public async Task AClientThatResubscribesWithAfterGetsTheMissedUpdatesInOrderThenLiveOnesNoneTwice()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        await using var app = new NodeSession("order-log-client.mjs", [GraphQLSocket.WebSocketUrl(driver.Host.BaseUri).ToString(), driver.Host.TokenFor("app-alice")]);

        await app.SendAsync(new { cmd = "subscribe", name = "first" });
        await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached("app-alice"), "the first subscription is live");
        var before = await PlaceAsync(driver, "log-before");
        var seen = await OrderLogClient.UpdatesAsync(app, "first", order: before, count: 2);
        await OrderLogClient.DisconnectAsync(app);
        await Eventually.HoldsAsync(() => !driver.Supervisor.IsAttached("app-alice"), "the server let the subscription go");

        // Two orders are placed and filled while the app is away.
        var missedOrders = new[] { await PlaceAsync(driver, "log-missed-1"), await PlaceAsync(driver, "log-missed-2") };
        await Eventually.HoldsAsync(async () => (await LogAsync(driver, seen[^1].Id)).Count(u => u.Event == "FILL") == 2, () => "both fills are logged");
        var missed = await LogAsync(driver, seen[^1].Id);

        await app.SendAsync(new { cmd = "subscribe", name = "resumed", after = seen[^1].Id });
        var replayed = await OrderLogClient.UpdatesAsync(app, "resumed", order: null, count: missed.Count);
        await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached("app-alice"), "the resumed subscription is live");
        var after = await PlaceAsync(driver, "log-after");
        var live = await OrderLogClient.UpdatesAsync(app, "resumed", order: after, count: 2);
        // The script prints in order: whatever it received before closing is read once `disconnected` is.
        await OrderLogClient.DisconnectAsync(app);

        Assert.Equal(["NEW", "FILL"], seen.Select(u => u.Event));
        Assert.Equal(4, missed.Count);
        Assert.Equal(missedOrders.Order(), missed.Select(u => u.OrderId).Distinct().Order());
        Assert.Equal(missed, replayed);
        Assert.Equal(["NEW", "FILL"], live.Select(u => u.Event));
        Assert.All(live, u => Assert.Equal(after, u.OrderId));
        var all = seen.Concat(replayed).Concat(live).Select(u => long.Parse(u.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(all.Distinct().Order(), all);
        // Nothing more arrived on the resumed subscription than the missed and the live updates.
        Assert.False(OrderLogClient.HasUnclaimed(app, "resumed"));
    }

    [Fact]
    public async Task AnAppWhoseLogWasEmptyResumesFromItsStartSoAnUpdateLoggedInTheSeamIsNotMissed()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        await using var app = new NodeSession("order-log-client.mjs", [GraphQLSocket.WebSocketUrl(driver.Host.BaseUri).ToString(), driver.Host.TokenFor("app-alice")]);
        var empty = await driver.Orders.GraphQLAsync("app-alice", Log);
        var cursor = empty.Data.GetProperty("orderEvents").GetProperty("endCursor").GetString();
        Assert.Equal("0", cursor);

        // The app read its (empty) log; an order is placed and filled before its subscription starts.
        var placed = await PlaceAsync(driver, "seam-1");
        await Eventually.HoldsAsync(async () => (await LogAsync(driver, null)).Any(u => u.Event == "FILL"), () => "the fill is logged");
        await app.SendAsync(new { cmd = "subscribe", name = "resumed", after = cursor });
        var replayed = await OrderLogClient.UpdatesAsync(app, "resumed", order: placed, count: 2);
        await OrderLogClient.DisconnectAsync(app);

        Assert.Equal(["NEW", "FILL"], replayed.Select(u => u.Event));
        Assert.Equal(await LogAsync(driver, null), await LogAsync(driver, "0"));
    }

    [Fact]
    public async Task OrderEventsPagesTheLogAndRefusesAnotherUsersPositionAndBadSizes()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        await driver.Orders.ConnectAsync("app-bob", sandboxUser: "bob");
        var placed = new[] { await PlaceAsync(driver, "page-1"), await PlaceAsync(driver, "page-2") };
        await Eventually.HoldsAsync(async () => (await LogAsync(driver, null)).Count(u => u.Event == "FILL") == 2, () => "both fills are logged");
        var whole = await LogAsync(driver, null);

        var firstPage = await driver.Orders.GraphQLAsync("app-alice", Log, new { first = 3 });
        var page = firstPage.Data.GetProperty("orderEvents");
        var rest = await LogAsync(driver, page.GetProperty("endCursor").GetString());

        Assert.Equal(4, whole.Count);
        Assert.True(page.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(whole.Take(3), Updates(page));
        Assert.Equal(whole.Skip(3), rest);
        Assert.Equal(placed.Order(), whole.Select(u => u.OrderId).Distinct().Order());
        var bobs = await driver.Orders.GraphQLAsync("app-bob", Log, new { after = whole[0].Id });
        Assert.Equal(["NOT_FOUND"], bobs.ErrorCodes);
        var bobsOwn = await driver.Orders.GraphQLAsync("app-bob", Log);
        Assert.Empty(bobsOwn.Data.GetProperty("orderEvents").GetProperty("updates").EnumerateArray());
        Assert.Equal("0", bobsOwn.Data.GetProperty("orderEvents").GetProperty("endCursor").GetString());
        foreach (var (after, first, code) in new (string?, int?, string)[] { ("x1", null, "NOT_FOUND"), ("99999999999999999999", null, "NOT_FOUND"), (null, 0, "BAD_USER_INPUT"), (null, 101, "BAD_USER_INPUT") })
        {
            var refused = await driver.Orders.GraphQLAsync("app-alice", Log, new { after, first });
            Assert.Equal([code], refused.ErrorCodes);
        }
    }

    /// <summary>
    /// Places a market buy, then has the sandbox fill it (its fill delay is ten minutes): NEW is recorded before the
    /// fill can overtake the POST's answer, so every order's updates are NEW then FILL.
    /// </summary>
    private static async Task<string> PlaceAsync(StreamDriver driver, string key)
    {
        var id = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy(key))).GetProperty("id").GetString()!;
        driver.Host.Control.ProcessNow();
        return id;
    }

    private static async Task<List<LoggedUpdate>> LogAsync(StreamDriver driver, string? after)
    {
        var response = await driver.Orders.GraphQLAsync("app-alice", Log, new { after, first = 100 });
        Assert.True(response.ErrorCodes.Count == 0, response.Raw);
        return Updates(response.Data.GetProperty("orderEvents"));
    }

    private static List<LoggedUpdate> Updates(JsonElement page) =>
        [.. page.GetProperty("updates").EnumerateArray().Select(LoggedUpdate.Of)];
}
