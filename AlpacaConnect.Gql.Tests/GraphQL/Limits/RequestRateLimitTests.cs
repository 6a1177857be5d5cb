using System.Net;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Limits;

/// <summary>
/// The edge rate limits: a caller past its bucket gets RATE_LIMITED (429 with Retry-After on HTTP) while others are
/// served. Buckets refill once an hour here, so nothing refills during a test.
/// </summary>
public sealed class RequestRateLimitTests : IDisposable
{
    private const string Typename = "{ __typename }";
    private readonly ApiFactory _factory = new ProbeApiFactory()
        .WithSetting("GraphQL:RateLimits:Period", "01:00:00")
        .WithSetting("GraphQL:RateLimits:PerUserBurst", "3")
        .WithSetting("GraphQL:RateLimits:PerUserPerPeriod", "1")
        .WithSetting("GraphQL:RateLimits:PerIpBurst", "10")
        .WithSetting("GraphQL:RateLimits:PerIpPerPeriod", "1");

    [Fact]
    public async Task AUserPastItsBurstGets429WithRetryAfterWhileAnotherUserIsServed()
    {
        var server = _factory.StartOnLoopback();
        using var address = new SourceAddress("127.0.0.2");
        using var alice = address.HttpClient(server, _factory.TokenFor("alice"));
        using var bob = address.HttpClient(server, _factory.TokenFor("bob"));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.PostGraphQLAsync(Typename)).Status);
        }

        using var refused = await PostAsync(alice);
        var answer = await GraphQLHttp.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal(["RATE_LIMITED"], answer.ErrorCodes);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait in seconds");

        var served = await bob.PostGraphQLAsync(Typename);
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal("Query", served.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task AnAddressPastItsBurstIsRefusedWhileAnotherAddressIsServed()
    {
        var server = _factory.StartOnLoopback();
        using var abusive = new SourceAddress("127.0.0.3");
        using var other = new SourceAddress("127.0.0.4");
        using var anonymous = abusive.HttpClient(server);
        using var neighbour = other.HttpClient(server);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await anonymous.PostGraphQLAsync(Typename)).Status);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, await abusive.RefusedHandshakeAsync(server)); // a handshake is a request too
        Assert.Equal(HttpStatusCode.OK, (await neighbour.PostGraphQLAsync(Typename)).Status);
    }

    [Fact]
    public async Task OperationsOnASocketTakeFromTheSameBucketAndAreAnsweredRateLimited()
    {
        var server = _factory.StartOnLoopback();
        using var address = new SourceAddress("127.0.0.5");
        await using var alice = await address.ConnectAsync(server);
        await using var bob = await address.ConnectAsync(server);
        await alice.InitAsync(_factory.TokenFor("alice"));
        await bob.InitAsync(_factory.TokenFor("bob"));

        for (var i = 0; i < 3; i++)
        {
            await alice.SubscribeAsync($"q{i}", Typename);
            await alice.ExpectAsync("next", $"q{i}");
            await alice.ExpectAsync("complete", $"q{i}");
        }

        await alice.SubscribeAsync("over", Typename);
        var error = await alice.ExpectAsync("error", "over");
        var extensions = error.GetProperty("payload")[0].GetProperty("extensions");
        Assert.Equal("RATE_LIMITED", extensions.GetProperty("code").GetString());
        Assert.True(extensions.GetProperty("retryAfter").GetInt32() > 0);

        await bob.SubscribeAsync("b", Typename);
        await bob.ExpectAsync("next", "b");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = Typename }) };
        return client.SendAsync(request);
    }

    public void Dispose() => _factory.Dispose();
}
