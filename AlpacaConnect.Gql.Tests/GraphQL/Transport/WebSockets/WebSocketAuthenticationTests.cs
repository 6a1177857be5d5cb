using AlpacaConnect.Gql.GraphQL.Transport.WebSockets;
using AlpacaConnect.Gql.Identity;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>Who a socket's operations run as: the JWT of <c>connection_init</c>, for as long as it is valid.</summary>
public sealed class WebSocketAuthenticationTests : IDisposable
{
    // Tokens are validated against the real clock, so fake time starts at the real now.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ApiFactory _factory;

    public WebSocketAuthenticationTests()
    {
        _factory = new ProbeApiFactory().WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    [Fact]
    public async Task ABearerAuthorizationInTheInitPayloadSignsTheSocketIn()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync(_factory.TokenFor("alice"));

        await socket.SubscribeAsync("me", "{ me { id } }");

        var next = await socket.ExpectAsync("next", "me");
        Assert.Equal("""{"me":{"id":"alice"}}""", next.GetProperty("payload").GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task ATokenPropertyInTheInitPayloadSignsTheSocketIn()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.SendAsync(new { type = "connection_init", payload = new { token = _factory.TokenFor("bob") } });
        await socket.ExpectAsync("connection_ack");

        await socket.SubscribeAsync("me", "{ me { id } }");

        var next = await socket.ExpectAsync("next", "me");
        Assert.Equal("bob", next.GetProperty("payload").GetProperty("data").GetProperty("me").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")]
    public async Task AnInvalidTokenCloses4403(string authorization)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization } });

        Assert.Equal((4403, "Forbidden: invalid token"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task AnInitWithoutATokenIsAnonymousAndProtectedFieldsAnswerUnauthenticated()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync();

        await socket.SubscribeAsync("mine", "subscription { myEvents }");

        var error = await socket.ExpectAsync("error", "mine");
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WhenTheTokenExpiresTheSocketIsClosed4403()
    {
        var token = _factory.Services.GetRequiredService<DevTokenIssuer>().Issue("alice", lifetime: TimeSpan.FromMinutes(5)).AccessToken;
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.InitAsync(token);
        await socket.SubscribeAsync("mine", "subscription { myEvents }");
        var streams = _factory.Services.GetRequiredService<ProbeStreams>();
        await streams.Events.WaitForSubscribersAsync(count => count == 1);

        _time.Advance(TimeSpan.FromMinutes(4));
        streams.Events.OnNext("still valid");
        var next = await socket.ExpectAsync("next", "mine");
        Assert.Equal("alice: still valid", next.GetProperty("payload").GetProperty("data").GetProperty("myEvents").GetString());

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((4403, "Forbidden: token expired"), await socket.ExpectCloseAsync());
        await streams.Events.WaitForSubscribersAsync(count => count == 0);
    }

    [Fact]
    public async Task NoInitWithinTheTimeoutCloses4408()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory);
        await socket.SendAsync(new { type = "ping" });
        await socket.ExpectAsync("pong"); // the session, and its init timer, exist

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal((4408, "Connection initialisation timeout"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task ASocketKeepsOnlyTheSubjectOfItsTokenNotTheToken()
    {
        var token = _factory.TokenFor("alice");
        var payload = System.Text.Json.JsonSerializer.SerializeToElement(new { authorization = $"Bearer {token}" });

        var identity = await _factory.Services.GetRequiredService<ConnectionInitAuthenticator>().AuthenticateAsync(payload, CancellationToken.None);

        Assert.NotNull(identity);
        Assert.Equal("alice", AppUser.IdOf(identity.User));
        var claim = Assert.Single(identity.User.Claims);
        Assert.Equal(AppUser.SubjectClaim, claim.Type);
        Assert.Null(((System.Security.Claims.ClaimsIdentity)identity.User.Identity!).BootstrapContext);
        Assert.NotNull(identity.ExpiresAt);
    }

    public void Dispose() => _factory.Dispose();
}
