using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>The <c>graphql-transport-ws</c> message rules and close codes, through the real host in-process.</summary>
public sealed class WebSocketProtocolTests(ProbeApiFactory factory) : IClassFixture<ProbeApiFactory>
{
    [Fact]
    public async Task AQueryGetsOneNextThenComplete()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SubscribeAsync("q1", "{ __typename }");

        var next = await socket.ExpectAsync("next", "q1");
        Assert.Equal("""{"data":{"__typename":"Query"}}""", next.GetProperty("payload").GetRawText());
        await socket.ExpectAsync("complete", "q1");
    }

    [Fact]
    public async Task ASubscriptionStreamsEveryEventInOrderThenCompletes()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SubscribeAsync("t", "subscription Ticks($n: Int!) { ticks(count: $n) }", new { n = 5 });

        for (var i = 1; i <= 5; i++)
        {
            var next = await socket.ExpectAsync("next", "t");
            Assert.Equal(i, next.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetInt32());
        }

        await socket.ExpectAsync("complete", "t");
    }

    [Fact]
    public async Task AnInvalidOperationGetsAnErrorMessageAndNoComplete()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SubscribeAsync("bad", "{ doesNotExist }");

        var error = await socket.ExpectAsync("error", "bad");
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal("VALIDATION_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        await AssertNothingElseQueuedAsync(socket);
    }

    [Fact]
    public async Task PingIsAnsweredWithPongEchoingItsPayload()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);

        await socket.SendAsync(new { type = "ping", payload = new { at = "now" } });

        var pong = await socket.ExpectAsync("pong");
        Assert.Equal("""{"at":"now"}""", pong.GetProperty("payload").GetRawText());
    }

    [Fact]
    public async Task PongIsIgnored()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SendAsync(new { type = "pong", payload = new { any = 1 } });

        await AssertNothingElseQueuedAsync(socket);
    }

    [Fact]
    public async Task SubscribingBeforeTheAckCloses4401()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);

        await socket.SubscribeAsync("early", "{ __typename }");

        Assert.Equal((4401, "Unauthorized"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task ASecondInitCloses4429()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task ADuplicateActiveIdCloses4409()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();
        await socket.SubscribeAsync("dup", "subscription { events }");

        await socket.SubscribeAsync("dup", "subscription { events }");

        Assert.Equal((4409, "Subscriber for dup already exists"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task AnIdCanBeReusedOnceItsOperationCompleted()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        for (var round = 0; round < 2; round++)
        {
            await socket.SubscribeAsync("again", "subscription { ticks(count: 1) }");
            await socket.ExpectAsync("next", "again");
            await socket.ExpectAsync("complete", "again");
        }
    }

    [Fact]
    public async Task CompletingAnUnknownIdIsIgnored()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.CompleteAsync("never-started");

        await AssertNothingElseQueuedAsync(socket);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":7,"payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"variables":{}}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":[1]}}""")]
    [InlineData("""{"type":"complete"}""")]
    [InlineData("""{"type":"ping","payload":"text"}""")]
    public async Task AnInvalidMessageCloses4400(string message)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SendTextAsync(message);

        var (code, _) = await socket.ExpectCloseAsync();
        Assert.Equal(4400, code);
    }

    [Fact]
    public async Task ABinaryMessageCloses4400()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);

        await socket.Socket.SendAsync(new byte[] { 1, 2, 3 }, System.Net.WebSockets.WebSocketMessageType.Binary, true, default);

        Assert.Equal((4400, "Binary messages are not supported"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task AMessageLargerThanTheLimitCloses4400()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();

        await socket.SendAsync(new { type = "ping", payload = new { padding = new string('x', 70 * 1024) } });

        Assert.Equal((4400, "Message too large"), await socket.ExpectCloseAsync());
    }

    [Fact]
    public async Task AMessageInSeveralFramesIsAssembledWhateverTheFrameSizes()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(factory);
        await socket.InitAsync();
        // Frames of 1 byte, of more than one read (9 KiB) and an empty last one; then a whole message in one frame.
        var padded = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "ping", payload = new { marker = "assembled", padding = new string('x', 9 * 1024) } }));
        var frames = new[] { padded[..1], padded[1..20], padded[20..], Array.Empty<byte>() };

        for (var i = 0; i < frames.Length; i++)
        {
            await socket.Socket.SendAsync(frames[i], System.Net.WebSockets.WebSocketMessageType.Text, endOfMessage: i == frames.Length - 1, default);
        }

        var pong = await socket.ExpectAsync("pong");
        await socket.SendAsync(new { type = "ping", payload = new { marker = "whole" } });
        var next = await socket.ExpectAsync("pong");
        Assert.Equal("assembled", pong.GetProperty("payload").GetProperty("marker").GetString());
        Assert.Equal(9 * 1024, pong.GetProperty("payload").GetProperty("padding").GetString()!.Length);
        Assert.Equal("whole", next.GetProperty("payload").GetProperty("marker").GetString());
    }

    /// <summary>A ping's pong is the next message only if nothing else was queued for the client before it.</summary>
    private static async Task AssertNothingElseQueuedAsync(GraphQLSocket socket)
    {
        await socket.SendAsync(new { type = "ping", payload = new { marker = "last" } });
        var pong = await socket.ExpectAsync("pong");
        Assert.Equal("last", pong.GetProperty("payload").GetProperty("marker").GetString());
    }
}
