using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>
/// The real <c>subscriptions-transport-ws</c> npm client (0.11.0, the legacy <c>graphql-ws</c> sub-protocol) on Node
/// against the server on loopback, following an order from placement to fill.
/// </summary>
public sealed class LegacyWsClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheSubscriptionsTransportWsClientSeesErrorsAndReceivesAnOrderUntilItsFill()
    {
        // The sandbox fills market orders on its own, 50 ms after they are accepted.
        await using var driver = new StreamDriver(host => host.WithSetting("Sandbox:Market:FillDelay", "00:00:00.050"), output);
        await driver.Orders.ConnectAsync();
        var token = driver.Host.TokenFor("app-alice");

        var client = NodeScript.RunAsync("legacy-ws-client.mjs", [GraphQLSocket.WebSocketUrl(driver.Host.BaseUri).ToString(), token]);
        await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached("app-alice") || client.IsCompleted, "the client's subscription is live");
        var placed = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("legacy-ws-buy", qty: "3")));
        var outcome = await client;

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var line = outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        var result = JsonDocument.Parse(line["RESULT ".Length..]).RootElement;

        Assert.Equal(JsonValueKind.Null, result.GetProperty("connectionError").ValueKind);
        // The client unwraps the `error` payload's `errors` and hands the application the first one.
        var invalid = result.GetProperty("invalid").GetProperty("errors");
        Assert.Equal("VALIDATION_FAILED", invalid.GetProperty("extensions").GetProperty("code").GetString());
        var updates = result.GetProperty("updates").EnumerateArray().ToList();
        Assert.All(updates, u => Assert.Equal(placed.GetProperty("id").GetString(), u.GetProperty("order").GetProperty("id").GetString()));
        Assert.Equal(["NEW", "FILL"], updates.Select(u => u.GetProperty("event").GetString()));
        Assert.Equal(["0", "3"], updates.Select(u => u.GetProperty("order").GetProperty("filledQty").GetString()));
    }
}
