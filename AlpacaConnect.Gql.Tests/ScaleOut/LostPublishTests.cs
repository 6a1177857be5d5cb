using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// A Redis publish fails and nothing else happens for the user: the subscriber on the other instance still gets the
/// update, from the log, once its resync interval has passed.
/// </summary>
public sealed class LostPublishTests : IDisposable
{
    private readonly FakeTimeProvider _secondClock = new(TimeProvider.System.GetUtcNow());
    private readonly RedisPublishDenial _redis = new();
    private readonly TwoInstances _cluster;

    public LostPublishTests()
    {
        var instance = 0;
        _cluster = new TwoInstances(host =>
        {
            _redis.Install(host);
            if (++instance == 2)
            {
                host.WithServices(services => services.AddSingleton<TimeProvider>(_secondClock));
            }
        });
    }

    [ScaleOutFact]
    public async Task AnUpdateWhosePublishWasLostReachesTheOtherInstancesSubscriberAtTheNextResync()
    {
        await _cluster.Driver(1).ConnectAsync("app-alice");
        await using var socket = await GraphQLSocket.ConnectAsync(_cluster.Address(2));
        await socket.InitAsync(_cluster.Host(2).TokenFor("app-alice"));
        await socket.SubscribeAsync("u", "subscription { orderUpdated { id event order { id status } } }");
        await Eventually.HoldsAsync(
            () => _cluster.Host(2).Services.GetRequiredService<TradeUpdatesSupervisor>().IsAttached("app-alice"), "the subscription is live");
        _redis.Deny(true);

        // Alpaca refuses the sell at once (no shares held): the REJECTED event is recorded on the first instance
        // alone, no trade update follows, and its publish fails.
        var response = await _cluster.Driver(1).GraphQLAsync("app-alice", OrderDriver.PlaceOrder,
            new { input = new { idempotencyKey = "lost-publish", symbol = "AAPL", side = "SELL", type = "LIMIT", timeInForce = "DAY", qty = "1", limitPrice = "180" } });
        var rejected = OrderDriver.Order(response.Data.GetProperty("placeOrder"));
        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        var update = socket.ExpectAsync("next", "u");
        for (var step = 0; step < 100 && !update.IsCompleted; step++)
        {
            _secondClock.Advance(OrderLog.ResyncInterval);
            await Task.WhenAny(update, Task.Delay(50));
        }

        var received = (await update).GetProperty("payload").GetProperty("data").GetProperty("orderUpdated");
        Assert.Equal("REJECTED", received.GetProperty("event").GetString());
        Assert.Equal(rejected.GetProperty("id").GetString(), received.GetProperty("order").GetProperty("id").GetString());
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _redis.Dispose();
    }
}
