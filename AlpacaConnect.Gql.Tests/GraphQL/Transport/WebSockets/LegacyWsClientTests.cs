using System.Text.Json;
using AlpacaConnect.Gql.Tests.Clients;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.WebSockets;

/// <summary>
/// The real <c>subscriptions-transport-ws</c> npm client (0.11.0, the legacy <c>graphql-ws</c> sub-protocol) on Node
/// against the server on loopback, querying, placing an order and following it to its fill, all over its socket.
/// </summary>
public sealed class LegacyWsClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheSubscriptionsTransportWsClientSeesErrorsQueriesAndPlacesAnOrderOverItsSocketAndReceivesItUntilItsFill()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync(AppClientScenario.User);
        var token = driver.Host.TokenFor(AppClientScenario.User);

        var outcome = await AppClientScenario.RunAsync(driver, "legacy-ws-client.mjs",
            [GraphQLSocket.WebSocketUrl(driver.Host.BaseUri).ToString(), token], OrderDriver.MarketBuy("legacy-ws-buy", qty: "3"), output);

        outcome.AssertOrderFollowedToFill("3");
        Assert.Equal(JsonValueKind.Null, outcome.Report.GetProperty("connectionError").ValueKind);
        // The client unwraps the `error` payload's `errors` and hands the application the first one.
        var invalid = outcome.Report.GetProperty("invalid").GetProperty("errors");
        Assert.Equal("VALIDATION_FAILED", invalid.GetProperty("extensions").GetProperty("code").GetString());
    }
}
