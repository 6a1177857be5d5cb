using System.Net;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>The bearer token of the HTTP endpoint, required: no stream opens without a signed-in user, and none outlives its token.</summary>
public sealed class EventStreamAuthenticationTests : IDisposable
{
    private readonly SseHost _host = new();

    [Fact]
    public async Task WithoutATokenTheAnswerIs401AndNothingStreams()
    {
        await using var response = await EventStreamResponse.PostAsync(_host.Server, token: null, new { query = "subscription { events }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(["UNAUTHENTICATED"], SseHost.Codes(await response.JsonBodyAsync()));
        Assert.Equal(0, _host.Streams.Events.SubscriberCount);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ")]
    public async Task WithAnInvalidTokenTheAnswerIs401AndNothingStreams(string token)
    {
        await using var response = await EventStreamResponse.PostAsync(_host.Server, token, new { query = "subscription { events }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.NotEqual("text/event-stream", response.MediaType);
        Assert.Equal(0, _host.Streams.Events.SubscriberCount);
    }

    [Fact]
    public async Task ASignedInSubscriptionRunsAsItsUser()
    {
        await using var stream = await _host.QueryAsync("subscription { myEvents }", user: "bob");
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 1);

        _host.Streams.Events.OnNext("hello");

        Assert.Equal("bob: hello", (await stream.ExpectNextAsync()).GetProperty("data").GetProperty("myEvents").GetString());
    }

    [Fact]
    public async Task WhenTheTokenExpiresTheStreamEndsWithoutCompleteAndItsSlotIsFreed()
    {
        var token = _host.Factory.Services.GetRequiredService<DevTokenIssuer>().Issue("alice", lifetime: TimeSpan.FromMinutes(5)).AccessToken;
        await using var stream = await EventStreamResponse.QueryAsync(_host.Server, token, "subscription { myEvents }");
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 1);

        _host.Time.Advance(TimeSpan.FromMinutes(4));
        _host.Streams.Events.OnNext("still valid");
        var next = await stream.ExpectNextAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("alice: still valid", next.GetProperty("data").GetProperty("myEvents").GetString());
        // No `complete`: the graphql-sse client takes the end for a lost connection and reconnects with a fresh token.
        Assert.Empty(await stream.ReadToEndAsync());
        await _host.Streams.Events.WaitForSubscribersAsync(count => count == 0);
        await Eventually.HoldsAsync(() => _host.Quota.ActiveFor("alice") == 0, "alice's subscription slot is free");
    }

    public void Dispose() => _host.Dispose();
}
