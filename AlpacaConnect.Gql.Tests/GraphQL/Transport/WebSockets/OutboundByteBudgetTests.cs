using System.Net.WebSockets;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>The outbound byte budget: a few large messages waiting close a socket long before the message-count cap does.</summary>
public sealed class OutboundByteBudgetTests : IDisposable
{
    private const int MaxEvents = 20_000;
    private readonly ApiFactory _factory = new ProbeApiFactory()
        .WithSetting("GraphQL:WebSockets:OutboundQueueCapacity", "100000")
        .WithSetting("GraphQL:WebSockets:MaxOutboundBytes", "65536")
        .WithSetting("GraphQL:WebSockets:CloseTimeout", "00:01:00");

    [Fact]
    public async Task AClientWhoseWaitingMessagesPassTheByteBudgetIsClosedWith1013WhileAnotherKeepsReceivingEverything()
    {
        var server = _factory.StartOnLoopback();
        var streams = _factory.Services.GetRequiredService<ProbeStreams>();
        await using var slow = await GraphQLSocket.ConnectAsync(server);
        await using var fast = await GraphQLSocket.ConnectAsync(server);
        await slow.InitAsync();
        await fast.InitAsync();
        await slow.SubscribeAsync("s", "subscription { events }");
        await fast.SubscribeAsync("f", "subscription { events }");
        await streams.Events.WaitForSubscribersAsync(count => count == 2);

        // As in SlowConsumerTests, but the queue holds 100,000 messages: only the 64 KB budget (four of these
        // 16 KB events) can close the client that stopped reading.
        var padding = new string('x', 16 * 1024);
        var published = 0;
        var afterDrop = 0;
        while (afterDrop < 100)
        {
            Assert.True(published < MaxEvents, "the client that stopped reading was never dropped");
            streams.Events.OnNext($"{published}:{padding}");
            var next = await fast.ExpectAsync("next", "f");
            Assert.StartsWith($"{published}:", next.GetProperty("payload").GetProperty("data").GetProperty("events").GetString(), StringComparison.Ordinal);
            published++;
            afterDrop += streams.Events.SubscriberCount == 1 ? 1 : 0;
        }

        var (received, status, reason) = await slow.ReadUntilClosedAsync();
        Assert.Equal((WebSocketCloseStatus)1013, status);
        Assert.Equal("Outbound queue full", reason);
        Assert.InRange(received.Count, 0, published - 100);
    }

    public void Dispose() => _factory.Dispose();
}
