using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>The limits HTTP and the socket already keep, kept on event streams too: the same quota, budget and rates.</summary>
public sealed class EventStreamLimitTests : IDisposable
{
    private readonly SseHost _host = new(factory => factory
        .WithSetting("GraphQL:MaxDepth", "5")
        .WithSetting("GraphQL:MaxComplexity", "50")
        .WithSetting("GraphQL:WebSockets:MaxSubscriptionsPerUser", "2"));

    [Fact]
    public async Task OneSubscriptionPastTheUsersQuotaSharedWithSocketsIsRefusedWithTheSocketsCode()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_host.Server);
        await socket.InitAsync(_host.Token());
        await socket.SubscribeAsync("s", "subscription { events }");
        await using var first = await _host.QueryAsync("subscription { events }");
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 2);

        await using var refused = await _host.QueryAsync("subscription { events }");
        var events = await refused.ReadToEndAsync();
        await socket.SubscribeAsync("t", "subscription { events }");
        var socketError = await socket.ExpectAsync("error", "t");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal(["SUBSCRIPTION_LIMIT_EXCEEDED"], SseHost.Codes(events[0].Json));
        Assert.Equal("SUBSCRIPTION_LIMIT_EXCEEDED", socketError.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(2, _host.Quota.ActiveFor("alice"));
        Assert.Equal(2, _host.Streams.Events.SubscriberCount);
    }

    [Fact]
    public async Task AClientThatLeavesFreesItsSubscriptionSlot()
    {
        var leaving = await _host.QueryAsync("subscription { events }");
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 1);
        Assert.Equal(1, _host.Quota.ActiveFor("alice"));

        await leaving.DisposeAsync();

        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 0);
        await Eventually.HoldsAsync(() => _host.Quota.ActiveFor("alice") == 0, "the slot of the stream whose client left is free");
    }

    [Theory]
    [InlineData("{ probe { child { child { child { child { child { hits } } } } } } }")]
    [InlineData("{ probe { children { children { children { hits } } } } }")]
    public async Task ADocumentOverTheDepthOrComplexityLimitIsRefusedBeforeAnyResolverRuns(string query)
    {
        await using var stream = await _host.QueryAsync(query);

        var events = await stream.ReadToEndAsync();

        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal(["QUERY_TOO_COMPLEX"], SseHost.Codes(events[0].Json));
        Assert.Equal(0, _host.Recorder.Hits);
    }

    [Fact]
    public async Task ACallerPastItsRateGets429WithRetryAfterBeforeAnyStream()
    {
        using var limited = new SseHost(factory => factory
            .WithSetting("GraphQL:RateLimits:Period", "01:00:00")
            .WithSetting("GraphQL:RateLimits:PerUserBurst", "1")
            .WithSetting("GraphQL:RateLimits:PerUserPerPeriod", "1"));
        await using (var allowed = await limited.QueryAsync("{ __typename }"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }

        await using var refused = await limited.QueryAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait in seconds");
        Assert.Equal(["RATE_LIMITED"], SseHost.Codes(await refused.JsonBodyAsync()));
    }

    public void Dispose() => _host.Dispose();
}
