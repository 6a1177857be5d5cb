using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>
/// Authentication and limits on the legacy <c>graphql-ws</c> sub-protocol: the same rules and close codes as
/// <c>graphql-transport-ws</c>, each refusal announced by a <c>connection_error</c> first.
/// </summary>
public sealed class LegacyWebSocketAuthenticationTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ApiFactory _factory;

    public LegacyWebSocketAuthenticationTests()
    {
        _factory = new ProbeApiFactory()
            .WithSetting("GraphQL:WebSockets:MaxSubscriptionsPerSocket", "1")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    private ProbeStreams Streams => _factory.Services.GetRequiredService<ProbeStreams>();

    [Fact]
    public async Task ABearerAuthorizationInTheInitPayloadSignsTheSocketIn()
    {
        await using var socket = await InitializedAsync(new { authorization = $"Bearer {_factory.TokenFor("alice")}" });

        await socket.StartAsync("me", "{ me { id } }");

        var data = await socket.ExpectAsync("data", "me");
        Assert.Equal("""{"me":{"id":"alice"}}""", data.GetProperty("payload").GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")]
    public async Task AnInvalidTokenGetsAConnectionErrorThenCloses4403(string authorization)
    {
        await using var socket = await ConnectAsync();

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization } });

        var error = await socket.ExpectConnectionErrorAsync(4403);
        Assert.Equal("Forbidden: invalid token", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StartingBeforeTheAckGetsAConnectionErrorThenCloses4401()
    {
        await using var socket = await ConnectAsync();

        await socket.StartAsync("early", "{ __typename }");

        var error = await socket.ExpectConnectionErrorAsync(4401);
        Assert.Equal("Unauthorized", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnAnonymousSocketGetsUnauthenticatedForProtectedFields()
    {
        await using var socket = await InitializedAsync(null);

        await socket.StartAsync("mine", "subscription { myEvents }");

        var error = await socket.ExpectAsync("error", "mine");
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WhenTheTokenExpiresTheSocketGetsAConnectionErrorThenCloses4403()
    {
        var token = _factory.Services.GetRequiredService<DevTokenIssuer>().Issue("alice", lifetime: TimeSpan.FromMinutes(5)).AccessToken;
        await using var socket = await InitializedAsync(new { authorization = $"Bearer {token}" });
        await socket.StartAsync("mine", "subscription { myEvents }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 1);

        _time.Advance(TimeSpan.FromMinutes(5));

        var error = await socket.ExpectConnectionErrorAsync(4403);
        Assert.Equal("Forbidden: token expired", error.GetProperty("message").GetString());
        await Streams.Events.WaitForSubscribersAsync(count => count == 0);
    }

    [Fact]
    public async Task OneSubscriptionTooManyOnASocketGetsAnErrorAndTheOtherKeepsRunning()
    {
        await using var socket = await InitializedAsync(null);
        await socket.StartAsync("1", "subscription { events }");

        await socket.StartAsync("2", "subscription { events }");

        var error = await socket.ExpectAsync("error", "2");
        Assert.Equal("SUBSCRIPTION_LIMIT_EXCEEDED", error.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        await Streams.Events.WaitForSubscribersAsync(count => count == 1);
        Streams.Events.OnNext("still flowing");
        await socket.ExpectAsync("data", "1");
    }

    private Task<GraphQLSocket> ConnectAsync() => GraphQLSocket.ConnectAsync(_factory, LegacySocketMessages.SubProtocol);

    private async Task<GraphQLSocket> InitializedAsync(object? payload)
    {
        var socket = await ConnectAsync();
        await socket.SendAsync(new { type = "connection_init", payload });
        await socket.ExpectAsync("connection_ack");
        await socket.ExpectAsync("ka");
        return socket;
    }

    public void Dispose() => _factory.Dispose();
}
