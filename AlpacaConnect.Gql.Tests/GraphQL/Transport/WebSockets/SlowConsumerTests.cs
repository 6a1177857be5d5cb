using System.Net.WebSockets;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>
/// Backpressure over real loopback sockets: a client that stops reading must not hold anyone else up. It is closed
/// by whichever outbound bound it passes first, the message count or the byte budget.
/// </summary>
public sealed class SlowConsumerTests
{
    private const int MaxEvents = 20_000;

    [Fact]
    public Task AClientThatStopsReadingIsClosedWith1013WhileAnotherKeepsReceivingEverything() =>
        // 16 KB events fill the loopback socket buffers and then its 16-message queue.
        ClosedWhileAnotherIsServedAsync(queueCapacity: 16, maxOutboundBytes: null);

    [Fact]
    public Task AClientWhoseWaitingMessagesPassTheByteBudgetIsClosedWith1013WhileAnotherKeepsReceivingEverything() =>
        // The queue holds 100,000 messages: only the 64 KB budget (four of these 16 KB events) can close the client.
        ClosedWhileAnotherIsServedAsync(queueCapacity: 100_000, maxOutboundBytes: 64 * 1024);

    private static async Task ClosedWhileAnotherIsServedAsync(int queueCapacity, int? maxOutboundBytes)
    {
        using var factory = new ProbeApiFactory()
            .WithSetting("GraphQL:WebSockets:OutboundQueueCapacity", $"{queueCapacity}")
            .WithSetting("GraphQL:WebSockets:CloseTimeout", "00:01:00");
        if (maxOutboundBytes is { } bytes)
        {
            factory.WithSetting("GraphQL:WebSockets:MaxOutboundBytes", $"{bytes}");
        }

        var server = factory.StartOnLoopback();
        var streams = factory.Services.GetRequiredService<ProbeStreams>();
        await using var slow = await GraphQLSocket.ConnectAsync(server);
        await using var fast = await GraphQLSocket.ConnectAsync(server);
        await slow.InitAsync();
        await fast.InitAsync();
        await slow.SubscribeAsync("s", "subscription { events }");
        await fast.SubscribeAsync("f", "subscription { events }");
        await streams.Events.WaitForSubscribersAsync(count => count == 2);

        // The producer publishes each event as soon as the healthy client has the previous one, so only the client
        // that stopped reading falls behind; the producer never waits for it.
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
}
