using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>Long-lived subscriptions: their scope, their end, their limits and the execution timeout.</summary>
public sealed class WebSocketSubscriptionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ApiFactory _factory;

    public WebSocketSubscriptionTests()
    {
        _factory = new ProbeApiFactory()
            .WithSetting("GraphQL:ExecutionTimeout", "00:00:05")
            .WithSetting("GraphQL:WebSockets:MaxSubscriptionsPerSocket", "2")
            .WithSetting("GraphQL:WebSockets:MaxSubscriptionsPerUser", "3")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    private ProbeStreams Streams => _factory.Services.GetRequiredService<ProbeStreams>();

    [Fact]
    public async Task AClientCompleteStopsTheStreamAndNothingMoreIsSentForIt()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync();
        await socket.SubscribeAsync("s", "subscription { events }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 1);
        Streams.Events.OnNext("one");
        await socket.ExpectAsync("next", "s");

        await socket.CompleteAsync("s");
        await Streams.Events.WaitForSubscribersAsync(count => count == 0);
        Streams.Events.OnNext("two");

        await socket.SendAsync(new { type = "ping" });
        await socket.ExpectAsync("pong");
    }

    [Fact]
    public async Task EachSubscriptionKeepsItsOwnScopeUntilItEnds()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync();
        await socket.SubscribeAsync("a", "subscription { scopeOfEvents }");
        await socket.SubscribeAsync("b", "subscription { scopeOfEvents }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 2);

        var seen = new Dictionary<string, List<string>> { ["a"] = [], ["b"] = [] };
        for (var i = 0; i < 2; i++)
        {
            Streams.Events.OnNext($"event {i}");
            for (var j = 0; j < 2; j++)
            {
                var next = await socket.ExpectAsync("next");
                seen[next.GetProperty("id").GetString()!].Add(
                    next.GetProperty("payload").GetProperty("data").GetProperty("scopeOfEvents").GetString()!);
            }
        }

        Assert.Single(seen["a"].Distinct());
        Assert.Single(seen["b"].Distinct());
        Assert.NotEqual(seen["a"][0], seen["b"][0]);
        var scopeOfA = Streams.Scopes.Single(s => s.Id == seen["a"][0]);
        var scopeOfB = Streams.Scopes.Single(s => s.Id == seen["b"][0]);
        Assert.False(scopeOfA.Disposed.Task.IsCompleted);

        await socket.CompleteAsync("a");

        await scopeOfA.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(scopeOfB.Disposed.Task.IsCompleted);
    }

    [Fact]
    public async Task TheExecutionTimeoutDoesNotEndALongLivedSubscription()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync();
        await socket.SubscribeAsync("long", "subscription { ticksAfterEvents: events }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 1);

        _time.Advance(TimeSpan.FromMinutes(10));
        Streams.Events.OnNext("ten minutes later");

        var next = await socket.ExpectAsync("next", "long");
        Assert.Equal("ten minutes later", next.GetProperty("payload").GetProperty("data").GetProperty("ticksAfterEvents").GetString());
    }

    [Fact]
    public async Task OneSubscriptionTooManyOnASocketGetsAnErrorAndTheOthersKeepRunning()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync();
        await socket.SubscribeAsync("1", "subscription { events }");
        await socket.SubscribeAsync("2", "subscription { events }");

        await socket.SubscribeAsync("3", "subscription { events }");

        var error = await socket.ExpectAsync("error", "3");
        Assert.Equal("SUBSCRIPTION_LIMIT_EXCEEDED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await Streams.Events.WaitForSubscribersAsync(count => count == 2);
        Streams.Events.OnNext("still flowing");
        var ids = new[] { await socket.ExpectAsync("next"), await socket.ExpectAsync("next") }
            .Select(m => m.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["1", "2"], ids);

        await socket.CompleteAsync("1");
        await Streams.Events.WaitForSubscribersAsync(count => count == 1);
        await socket.SubscribeAsync("4", "subscription { events }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 2);
    }

    [Fact]
    public async Task OneSubscriptionTooManyForAUserOverAllSocketsGetsAnError()
    {
        var token = _factory.TokenFor("alice");
        await using var first = await GraphQLSocket.ConnectAsync(_factory);
        await using var second = await GraphQLSocket.ConnectAsync(_factory);
        await using var someoneElse = await GraphQLSocket.ConnectAsync(_factory);
        await first.InitAsync(token);
        await second.InitAsync(token);
        await someoneElse.InitAsync(_factory.TokenFor("bob"));
        await first.SubscribeAsync("1", "subscription { myEvents }");
        await first.SubscribeAsync("2", "subscription { myEvents }");
        await second.SubscribeAsync("3", "subscription { myEvents }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 3);

        await second.SubscribeAsync("4", "subscription { myEvents }");

        var error = await second.ExpectAsync("error", "4");
        Assert.Equal("SUBSCRIPTION_LIMIT_EXCEEDED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await someoneElse.SubscribeAsync("5", "subscription { myEvents }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 4);
    }

    public void Dispose() => _factory.Dispose();
}
