using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>
/// The socket limits on the legacy <c>graphql-ws</c> sub-protocol: the same bounds and close codes as
/// <c>graphql-transport-ws</c>, each announced by a <c>connection_error</c> naming it.
/// </summary>
public sealed class LegacyWebSocketLimitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ApiFactory _factory;

    public LegacyWebSocketLimitTests()
    {
        _factory = new ProbeApiFactory()
            .WithSetting("GraphQL:WebSockets:MaxSubscriptionsPerUser", "2")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    [Fact]
    public async Task NoInitWithinTheTimeoutGetsAConnectionErrorThenCloses4408()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(_factory, LegacySocketMessages.SubProtocol);
        var closed = socket.ExpectConnectionErrorAsync(4408);

        // The legacy protocol has no ping to show the session is up; time moves on until its init timer has run.
        for (var step = 0; step < 200 && !closed.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(11));
            await Task.WhenAny(closed, Task.Delay(25));
        }

        Assert.Equal("Connection initialisation timeout", (await closed).GetProperty("message").GetString());
    }

    [Fact]
    public async Task AMessageLargerThanTheLimitGetsAConnectionErrorThenCloses4400()
    {
        await using var socket = await InitializedAsync();

        await socket.StartAsync("big", "{ __typename }", new { padding = new string('x', 70 * 1024) });

        var error = await socket.ExpectConnectionErrorAsync(4400);
        Assert.Equal("Message too large", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheUsersSubscriptionQuotaSpansSocketsOfBothProtocols()
    {
        var token = _factory.TokenFor("alice");
        await using var modern = await GraphQLSocket.ConnectAsync(_factory);
        await modern.InitAsync(token);
        await modern.SubscribeAsync("m", "subscription { myEvents }");
        await using var legacy = await InitializedAsync(new { authorization = $"Bearer {token}" });
        await legacy.StartAsync("l1", "subscription { myEvents }");
        var streams = _factory.Services.GetRequiredService<ProbeStreams>();
        await streams.Events.WaitForSubscribersAsync(count => count == 2);

        await legacy.StartAsync("l2", "subscription { myEvents }");

        var error = await legacy.ExpectAsync("error", "l2");
        Assert.Equal("SUBSCRIPTION_LIMIT_EXCEEDED", error.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<GraphQLSocket> InitializedAsync(object? payload = null)
    {
        var socket = await GraphQLSocket.ConnectAsync(_factory, LegacySocketMessages.SubProtocol);
        await socket.SendAsync(new { type = "connection_init", payload });
        await socket.ExpectAsync("connection_ack");
        await socket.ExpectAsync("ka");
        return socket;
    }

    public void Dispose() => _factory.Dispose();
}
