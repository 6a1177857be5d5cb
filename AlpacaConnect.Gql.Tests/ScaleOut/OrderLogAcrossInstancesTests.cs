using System.Globalization;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// The app on the second instance, its orders placed through the first, Redis refusing every publish while its socket
/// is down: it resumes with <c>orderUpdated(after:)</c> and misses nothing, because the log is the database.
/// </summary>
public sealed class OrderLogAcrossInstancesTests : IDisposable
{
    private readonly RedisPublishDenial _redis;
    private readonly TwoInstances _cluster;

    public OrderLogAcrossInstancesTests()
    {
        _redis = new RedisPublishDenial();
        _cluster = new TwoInstances(host => _redis.Install(host));
    }

    [ScaleOutFact]
    public async Task AClientOnTheOtherInstanceResumesWithAfterThroughFailedPublishesAndMissesNothing()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");
        var attached = () => _cluster.Host(2).Services.GetRequiredService<TradeUpdatesSupervisor>().IsAttached("app-alice");
        await using var app = new NodeSession("order-log-client.mjs", [GraphQLSocket.WebSocketUrl(_cluster.Address(2)).ToString(), _cluster.Host(2).TokenFor("app-alice")]);
        await app.SendAsync(new { cmd = "subscribe", name = "first" });
        await Eventually.HoldsAsync(attached, "the subscription on the second instance is live");
        var first = await PlaceAsync("across-first");
        var seen = await OrderLogClient.UpdatesAsync(app, "first", first, 2);
        await OrderLogClient.DisconnectAsync(app);
        await Eventually.HoldsAsync(() => !attached(), "the second instance let the subscription go");

        _redis.Deny(true);
        var missedOrders = new[] { await PlaceAsync("across-missed-1"), await PlaceAsync("across-missed-2") };
        await Eventually.HoldsAsync(async () => (await LogAsync(seen[^1].Id)).Count(u => u.Event == "FILL") == 2, () => "both fills are logged");
        var missed = await LogAsync(seen[^1].Id);
        await app.SendAsync(new { cmd = "subscribe", name = "resumed", after = seen[^1].Id });
        var replayed = await OrderLogClient.UpdatesAsync(app, "resumed", null, missed.Count);
        await Eventually.HoldsAsync(attached, "the resumed subscription is live");
        _redis.Deny(false);
        var last = await PlaceAsync("across-last");
        var live = await OrderLogClient.UpdatesAsync(app, "resumed", last, 2);
        await OrderLogClient.DisconnectAsync(app);

        Assert.Equal(["NEW", "FILL"], seen.Select(u => u.Event));
        Assert.Equal(4, missed.Count);
        Assert.Equal(missedOrders.Order(), missed.Select(u => u.OrderId).Distinct().Order());
        Assert.Equal(missed, replayed);
        Assert.Equal(["NEW", "FILL"], live.Select(u => u.Event));
        var ids = seen.Concat(replayed).Concat(live).Select(u => long.Parse(u.Id, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Distinct().Order(), ids);
        Assert.False(OrderLogClient.HasUnclaimed(app, "resumed"));
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _redis.Dispose();
    }

    private async Task<string> PlaceAsync(string key)
    {
        var response = await _cluster.Driver(1).GraphQLAsync("app-alice", OrderDriver.PlaceOrder, new { input = OrderDriver.MarketBuy(key) });
        Assert.True(response.Errors.Count == 0, response.Raw);
        // The sandbox fills on this call alone (its fill delay is ten minutes), after NEW is recorded.
        _cluster.Upstream.Control.ProcessNow();
        return OrderDriver.Order(response.Data.GetProperty("placeOrder")).GetProperty("id").GetString()!;
    }

    private async Task<List<LoggedUpdate>> LogAsync(string after)
    {
        var response = await _cluster.Driver(2).GraphQLAsync("app-alice",
            "query($after: ID) { orderEvents(after: $after, first: 100) { updates { id event order { id } } } }", new { after });
        Assert.True(response.ErrorCodes.Count == 0, response.Raw);
        return [.. response.Data.GetProperty("orderEvents").GetProperty("updates").EnumerateArray().Select(LoggedUpdate.Of)];
    }
}
