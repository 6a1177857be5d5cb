namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// Backpressure over real loopback connections: a client that stops reading its stream must not hold anyone else up,
/// nor make the server buffer without bound. Its connection is aborted by whichever bound it passes first.
/// </summary>
public sealed class EventStreamSlowConsumerTests
{
    private const int MaxEvents = 20_000;

    [Fact]
    public Task AClientThatStopsReadingIsCutOffWhileAnotherKeepsReceivingEverything() =>
        // 16 KB events fill the loopback socket buffers and then the 16-event queue.
        CutOffWhileAnotherIsServedAsync("OutboundQueueCapacity", "16");

    [Fact]
    public Task AClientWhoseWaitingEventsPassTheByteBudgetIsCutOffWhileAnotherKeepsReceivingEverything() =>
        // The queue holds 100,000 events: only the 64 KB budget (four of these 16 KB events) can cut the client off.
        CutOffWhileAnotherIsServedAsync("MaxOutboundBytes", $"{64 * 1024}");

    private static async Task CutOffWhileAnotherIsServedAsync(string bound, string value)
    {
        using var host = new SseHost(factory => factory
            .WithSetting("GraphQL:ServerSentEvents:OutboundQueueCapacity", "100000")
            .WithSetting($"GraphQL:ServerSentEvents:{bound}", value));
        await using var slow = await host.QueryAsync("subscription { events }");
        await using var fast = await host.QueryAsync("subscription { events }");
        await host.Streams.Events.WaitForSubscribersAsync(count => count == 2);

        // Each event is published once the healthy client has the previous one, so only the client that stopped
        // reading falls behind; the producer never waits for it.
        var padding = new string('x', 16 * 1024);
        var published = 0;
        var afterCutOff = 0;
        while (afterCutOff < 100)
        {
            Assert.True(published < MaxEvents, "the client that stopped reading was never cut off");
            host.Streams.Events.OnNext($"{published}:{padding}");
            var next = await fast.ExpectNextAsync();
            Assert.StartsWith($"{published}:", next.GetProperty("data").GetProperty("events").GetString(), StringComparison.Ordinal);
            published++;
            afterCutOff += host.Streams.Events.SubscriberCount == 1 ? 1 : 0;
        }

        Assert.Contains("Aborting a GraphQL event stream whose client reads too slowly", host.Logs.Text, StringComparison.Ordinal);
        var (received, completed) = await ReadUntilCutOffAsync(slow);
        Assert.False(completed, "a stream cut off for reading too slowly has no complete event");
        Assert.InRange(received, 0, published - 100);
    }

    /// <summary>What the slow client gets once it reads again: the events that reached it, then an aborted connection.</summary>
    private static async Task<(int Received, bool Completed)> ReadUntilCutOffAsync(EventStreamResponse stream)
    {
        var received = 0;
        try
        {
            while (await stream.ReadEventAsync() is { } next)
            {
                if (next.Event == "complete")
                {
                    return (received, true);
                }

                received++;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // The server aborted the connection.
        }

        return (received, false);
    }
}
