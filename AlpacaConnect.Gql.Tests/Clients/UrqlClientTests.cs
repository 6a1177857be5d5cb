using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Clients;

/// <summary>
/// urql (npm <c>@urql/core</c>) with Graphcache set up as docs/clients.md shows (<c>Interop/urql-client.mjs</c>):
/// fetchExchange for queries and mutations, subscriptionExchange over graphql-ws for subscriptions.
/// </summary>
public sealed class UrqlClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UrqlWithGraphcacheQueriesPlacesAnOrderAndFollowsItToItsFillInItsNormalisedCache()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync(AppClientScenario.User);
        var token = driver.Host.TokenFor(AppClientScenario.User);

        var outcome = await AppClientScenario.RunAsync(driver, "urql-client.mjs",
            [new Uri(driver.Host.BaseUri, "/graphql").ToString(), token], OrderDriver.MarketBuy("urql-client-buy", qty: "4"), output);

        outcome.AssertOrderFollowedToFill("4");
        // Graphcache resolves order(id) from the one Order entity the mutation wrote and the fill updated.
        var order = outcome.Report.GetProperty("cachedOrder");
        Assert.Equal(outcome.OrderId, order.GetProperty("id").GetString());
        Assert.Equal("FILLED", order.GetProperty("status").GetString());
        Assert.Equal("4", order.GetProperty("filledQty").GetString());
        Assert.Equal("urql-client-buy", order.GetProperty("idempotencyKey").GetString());
        Assert.False(outcome.Report.GetProperty("stale").GetBoolean());
        // Every type the operations returned was keyed or declared embedded: Graphcache had nothing to warn about.
        Assert.Empty(outcome.Report.GetProperty("warnings").EnumerateArray());
    }
}
