using System.Net.WebSockets;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>
/// The legacy <c>graphql-ws</c> sub-protocol (subscriptions-transport-ws, Apollo Kotlin's default) on the same session
/// core: its messages, its keep-alive and how the sub-protocol is chosen, through the real host in-process.
/// </summary>
public sealed class LegacyWebSocketProtocolTests : IDisposable
{
    private const string Legacy = LegacySocketMessages.SubProtocol;
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ApiFactory _factory;

    public LegacyWebSocketProtocolTests()
    {
        _factory = new ProbeApiFactory().WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    private ProbeStreams Streams => _factory.Services.GetRequiredService<ProbeStreams>();

    [Fact]
    public async Task OfferingOnlyTheLegacyProtocolSelectsItAndOfferingBothSelectsGraphQLTransportWs()
    {
        await using var legacy = await GraphQLSocket.ConnectAsync(_factory, Legacy);
        Assert.Equal(Legacy, legacy.Socket.SubProtocol);

        var client = _factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add(Legacy);
        client.SubProtocols.Add(GraphQLSocket.SubProtocol);
        using var both = await client.ConnectAsync(new Uri(_factory.Server.BaseAddress, "/graphql"), default);
        Assert.Equal(GraphQLSocket.SubProtocol, both.SubProtocol);
        await both.CloseAsync(WebSocketCloseStatus.NormalClosure, null, default);
    }

    [Fact]
    public async Task TheAckIsFollowedByAKeepAliveAndThenOneEveryInterval()
    {
        await using var socket = await ConnectAsync();

        await socket.SendAsync(new { type = "connection_init", payload = new { } });

        await socket.ExpectAsync("connection_ack");
        await socket.ExpectAsync("ka");
        _time.Advance(TimeSpan.FromSeconds(15));
        await socket.ExpectAsync("ka");
        _time.Advance(TimeSpan.FromSeconds(15));
        await socket.ExpectAsync("ka");
    }

    [Fact]
    public async Task AQueryGetsOneDataThenComplete()
    {
        await using var socket = await InitializedAsync();

        await socket.StartAsync("q1", "query Name { __typename }", operationName: "Name");

        var data = await socket.ExpectAsync("data", "q1");
        Assert.Equal("""{"data":{"__typename":"Query"}}""", data.GetProperty("payload").GetRawText());
        await socket.ExpectAsync("complete", "q1");
    }

    [Fact]
    public async Task ASubscriptionStreamsEveryEventAsDataThenCompletes()
    {
        await using var socket = await InitializedAsync();

        await socket.StartAsync("t", "subscription Ticks($n: Int!) { ticks(count: $n) }", new { n = 3 });

        for (var i = 1; i <= 3; i++)
        {
            var data = await socket.ExpectAsync("data", "t");
            Assert.Equal(i, data.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetInt32());
        }

        await socket.ExpectAsync("complete", "t");
    }

    [Fact]
    public async Task AnInvalidOperationGetsAnErrorWhosePayloadHoldsTheErrorsAndNoComplete()
    {
        await using var socket = await InitializedAsync();

        await socket.StartAsync("bad", "{ doesNotExist }");
        await socket.StartAsync("after", "{ __typename }");

        var error = await socket.ExpectAsync("error", "bad");
        var errors = error.GetProperty("payload").GetProperty("errors");
        Assert.Equal("VALIDATION_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        await socket.ExpectAsync("data", "after"); // not a complete for "bad"
    }

    [Fact]
    public async Task StopEndsTheSubscriptionAndNothingMoreIsSentForIt()
    {
        await using var socket = await InitializedAsync();
        await socket.StartAsync("s", "subscription { events }");
        await Streams.Events.WaitForSubscribersAsync(count => count == 1);
        Streams.Events.OnNext("one");
        var data = await socket.ExpectAsync("data", "s");
        Assert.Equal("one", data.GetProperty("payload").GetProperty("data").GetProperty("events").GetString());

        await socket.SendAsync(new { type = "stop", id = "s" });
        await Streams.Events.WaitForSubscribersAsync(count => count == 0);
        Streams.Events.OnNext("two");

        await socket.StartAsync("q", "{ __typename }");
        await socket.ExpectAsync("data", "q");
    }

    [Fact]
    public async Task ConnectionTerminateClosesNormallyWithoutAConnectionError()
    {
        await using var socket = await InitializedAsync();

        await socket.SendAsync(new { type = "connection_terminate" });

        var (messages, status, _) = await socket.ReadUntilClosedAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.DoesNotContain(messages, m => m.GetProperty("type").GetString() == "connection_error");
    }

    [Theory]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"ping"}""")]
    [InlineData("""{"type":"start","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"start","id":"1"}""")]
    [InlineData("""{"type":"stop"}""")]
    [InlineData("not json")]
    public async Task AMessageTheLegacyProtocolDoesNotHaveGetsAConnectionErrorThenCloses4400(string message)
    {
        await using var socket = await InitializedAsync();

        await socket.SendTextAsync(message);

        var error = await socket.ExpectConnectionErrorAsync(4400);
        Assert.Equal(4400, error.GetProperty("extensions").GetProperty("closeCode").GetInt32());
    }

    [Fact]
    public async Task ADuplicateActiveIdGetsAConnectionErrorThenCloses4409()
    {
        await using var socket = await InitializedAsync();
        await socket.StartAsync("dup", "subscription { events }");

        await socket.StartAsync("dup", "subscription { events }");

        var error = await socket.ExpectConnectionErrorAsync(4409);
        Assert.Equal("Subscriber for dup already exists", error.GetProperty("message").GetString());
    }

    private Task<GraphQLSocket> ConnectAsync() => GraphQLSocket.ConnectAsync(_factory, Legacy);

    private async Task<GraphQLSocket> InitializedAsync()
    {
        var socket = await ConnectAsync();
        await socket.SendAsync(new { type = "connection_init" });
        await socket.ExpectAsync("connection_ack");
        await socket.ExpectAsync("ka");
        return socket;
    }

    public void Dispose() => _factory.Dispose();
}
