using System.Text.Json;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlpacaConnect.Gql.Tests.Streaming.StreamDriver;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// Two instances, one trade_updates socket per account: the instance holding the account's lease streams for both,
/// its events reach subscribers on the other through Redis, and when it stops the other takes the stream over.
/// </summary>
public sealed class StreamOwnershipTests : IDisposable
{
    private readonly TwoInstances _cluster = new(host => host.WithSetting("Streaming:LeaseDuration", "00:00:01.500"));

    [ScaleOutFact]
    public async Task AFillOfAnOrderPlacedThroughOneInstanceReachesASubscriberOnTheOther()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");
        // Instance 1 takes the account's stream for its open order before instance 2 has any reason to want it.
        var order = await PlaceAsync(1, "across-1");
        await Eventually.HoldsAsync(() => _cluster.Upstream.Control.OpenStreams == 1, "instance 1 holds the stream");
        await using var subscriber = await SubscribeAsync(2);

        _cluster.Upstream.Control.ProcessNow();
        var updates = await UpdatesUntilAsync(subscriber, Is(order, "FILL"));

        Assert.Equal("FILLED", StatusOf(updates[^1]));
        Assert.Single(updates, u => Is(order, "FILL")(u));
        // Both instances wanted the stream (an open order on one, a subscriber on the other); instance 1 held it, so
        // the fill was recorded there and reached instance 2's subscriber through Redis.
        Assert.Equal(1, _cluster.Upstream.Control.StreamsOpened);
        Assert.Equal("stream", await SourceOfFillAsync(order));
    }

    [ScaleOutFact]
    public async Task StoppingTheInstanceHoldingTheStreamMovesItToTheOtherAndNoTransitionIsLost()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");
        var first = await PlaceAsync(1, "before-stop");
        await Eventually.HoldsAsync(() => _cluster.Upstream.Control.OpenStreams == 1, "instance 1 holds the stream");
        await using var subscriber = await SubscribeAsync(2);
        Assert.Equal(1, _cluster.Upstream.Control.StreamsOpened);

        _cluster.Host(1).Dispose();
        // Filled while nobody holds the stream: instance 2 learns it from the reconciliation after taking over.
        _cluster.Upstream.Control.ProcessNow();
        var updates = await UpdatesUntilAsync(subscriber, Is(first, "FILL"));
        await Eventually.HoldsAsync(() => _cluster.Upstream.Control.OpenStreams == 1, "instance 2 holds the stream");

        var second = await PlaceAsync(2, "after-stop");
        _cluster.Upstream.Control.ProcessNow();
        updates.AddRange(await UpdatesUntilAsync(subscriber, Is(second, "FILL")));

        Assert.Single(updates, u => Is(first, "FILL")(u));
        Assert.Single(updates, u => Is(second, "FILL")(u));
        Assert.Equal(2, _cluster.Upstream.Control.StreamsOpened);
    }

    public void Dispose() => _cluster.Dispose();

    private async Task<string> SourceOfFillAsync(string orderId)
    {
        var databases = _cluster.Host(2).Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        var id = Guid.Parse(orderId);
        return (await db.Set<OrderEvent>().SingleAsync(e => e.OrderId == id && e.Kind == OrderEventKind.Fill)).Source;
    }

    private async Task<GraphQLSocket> SubscribeAsync(int instance)
    {
        var socket = await GraphQLSocket.ConnectAsync(_cluster.Address(instance));
        await socket.InitAsync(_cluster.Host(instance).TokenFor("app-alice"));
        await socket.SubscribeAsync("u", OrderUpdated);
        var supervisor = _cluster.Host(instance).Services.GetRequiredService<TradeUpdatesSupervisor>();
        await Eventually.HoldsAsync(() => supervisor.IsAttached("app-alice"), "the subscription is live");
        return socket;
    }

    private async Task<string> PlaceAsync(int instance, string key)
    {
        var response = await _cluster.Driver(instance).GraphQLAsync("app-alice", OrderDriver.PlaceOrder, new { input = OrderDriver.MarketBuy(key) });
        Assert.True(response.Errors.Count == 0, response.Raw);
        var payload = response.Data.GetProperty("placeOrder");
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("errors").ValueKind);
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }
}
