using System.Text.Json;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>An order followed from placement to its fill over a raw event stream, the sandbox filling it.</summary>
public sealed class EventStreamOrderUpdatesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AnOrderUpdatedStreamReceivesTheOrderUntilItsFill()
    {
        // The sandbox fills market orders on its own, 50 ms after they are accepted.
        await using var driver = new StreamDriver(host => host.WithSetting("Sandbox:Market:FillDelay", "00:00:00.050"), output);
        await driver.Orders.ConnectAsync();
        await using var stream = await EventStreamResponse.QueryAsync(
            driver.Host.BaseUri, driver.Host.TokenFor("app-alice"), StreamDriver.OrderUpdated, new { orderId = (string?)null });
        await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached("app-alice"), "the stream's subscription is live");

        var (orderId, _) = await driver.BuyAsync("sse-buy");
        var updates = new List<JsonElement>();
        while (updates.Count == 0 || StreamDriver.EventOf(updates[^1]) != "FILL")
        {
            updates.Add((await stream.ExpectNextAsync()).GetProperty("data").GetProperty("orderUpdated"));
        }

        Assert.All(updates, u => Assert.Equal(orderId, StreamDriver.OrderIdOf(u)));
        Assert.Equal(["NEW", "FILL"], updates.Select(StreamDriver.EventOf));
        Assert.Equal("FILLED", StreamDriver.StatusOf(updates[^1]));
    }
}
