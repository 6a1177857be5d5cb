using System.Text.Json;
using AlpacaConnect.Gql.Tests.Observability;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;
using static AlpacaConnect.Gql.Tests.Streaming.StreamDriver;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// Fan-out once per event: however many subscribers a user has on an instance, each event is read from the log once
/// and executed once per distinct document, and each subscriber still gets exactly its own selection.
/// </summary>
public sealed class FanOutTests(ITestOutputHelper output)
{
    private const string Results = "alpaca_connect_graphql_subscriptions_results_total";
    private const string LogReads = "alpaca_connect_event_log_reads_total";
    private const int Subscribers = 12;

    private const string OnlyEvents = """
        subscription { orderUpdated { id event } }
        """;

    [Fact]
    public async Task TwelveSubscribersOfOneUserCostOneLogReadAndOneExecutionPerEvent()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var sockets = new List<GraphQLSocket>();
        for (var i = 0; i < Subscribers; i++)
        {
            sockets.Add(await driver.SubscribeAsync("app-alice"));
        }

        using var http = driver.Host.Http();
        var before = await MetricsScrape.ReadAsync(http);
        var (id, _) = await driver.BuyAsync("fan-1");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        driver.Host.Control.ProcessNow();

        var received = new List<List<JsonElement>>();
        foreach (var socket in sockets)
        {
            received.Add(await UpdatesUntilAsync(socket, Is(id, "FILL")));
        }

        var after = await MetricsScrape.ReadAsync(http);
        // Every subscriber saw the same updates, in the same order, with the same ids.
        var first = received[0].Select(u => u.GetRawText()).ToList();
        Assert.All(received, r => Assert.Equal(first, r.Select(u => u.GetRawText())));
        var events = first.Count;
        Assert.True(events >= 2, $"at least NEW and FILL, got {events}");

        // One execution per event, the other subscribers share it.
        Assert.Equal(events, Delta(before, after, Results, "outcome", "executed"));
        Assert.Equal(events * (Subscribers - 1), Delta(before, after, Results, "outcome", "shared"));
        // The log is read by the user's one tail, not once per subscriber; live subscribers never read it themselves.
        var tailReads = Delta(before, after, LogReads, "reader", "tail");
        Assert.InRange(tailReads, 1, events + 1);
        Assert.Equal(0, Delta(before, after, LogReads, "reader", "catch_up"));
    }

    [Fact]
    public async Task SubscribersWithDifferentDocumentsEachGetTheirOwnSelection()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync();
        var full = await driver.SubscribeAsync("app-alice");
        var narrow = await driver.SubscribeAsync("app-alice", query: OnlyEvents);

        using var http = driver.Host.Http();
        var before = await MetricsScrape.ReadAsync(http);
        var (id, _) = await driver.BuyAsync("fan-2");
        await Eventually.HoldsAsync(() => driver.Host.Control.ListeningStreams == 1, "the account's stream is listening");
        driver.Host.Control.ProcessNow();

        var fullUpdates = await UpdatesUntilAsync(full, Is(id, "FILL"));
        var narrowUpdates = new List<JsonElement>();
        while (narrowUpdates.Count < fullUpdates.Count)
        {
            narrowUpdates.Add((await narrow.ExpectAsync("next", "u")).GetProperty("payload").GetProperty("data").GetProperty("orderUpdated"));
        }

        var after = await MetricsScrape.ReadAsync(http);
        Assert.Equal(fullUpdates.Select(u => u.GetProperty("id").GetString()), narrowUpdates.Select(u => u.GetProperty("id").GetString()));
        Assert.All(narrowUpdates, u => Assert.Equal(["id", "event"], u.EnumerateObject().Select(p => p.Name)));
        Assert.All(fullUpdates, u => Assert.True(u.TryGetProperty("order", out _)));
        // Two documents, two executions per event; nothing shared between them.
        Assert.Equal(2 * fullUpdates.Count, Delta(before, after, Results, "outcome", "executed"));
        Assert.Equal(0, Delta(before, after, Results, "outcome", "shared"));
    }

    private static int Delta(MetricsScrape before, MetricsScrape after, string name, string label, string value) =>
        (int)(after.Value(name, (label, value)) - before.Value(name, (label, value)));
}
