using System.Text.Json;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Clients;

/// <summary>
/// Apollo Client 4 (npm) set up as docs/clients.md shows (<c>Interop/apollo-app-client.mjs</c>): HTTP for queries
/// and mutations, GraphQLWsLink for subscriptions, one InMemoryCache.
/// </summary>
public sealed class ApolloClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ApolloClientQueriesPlacesAnOrderAndFollowsItToItsFillInItsNormalisedCache()
    {
        await using var driver = new StreamDriver(output: output);
        await driver.Orders.ConnectAsync(AppClientScenario.User);
        var token = driver.Host.TokenFor(AppClientScenario.User);

        var outcome = await AppClientScenario.RunAsync(driver, "apollo-app-client.mjs",
            [new Uri(driver.Host.BaseUri, "/graphql").ToString(), token], OrderDriver.MarketBuy("apollo-client-buy", qty: "3"), output);

        outcome.AssertOrderFollowedToFill("3");
        // The fill reached the order the mutation put in the cache: one entry, keyed by the order's id.
        var entry = outcome.Report.GetProperty("cacheEntry");
        Assert.True(entry.ValueKind == JsonValueKind.Object, $"No Order:{outcome.OrderId} in the cache: {outcome.Report}");
        Assert.Equal(outcome.OrderId, entry.GetProperty("id").GetString());
        Assert.Equal("FILLED", entry.GetProperty("status").GetString());
        Assert.Equal("3", entry.GetProperty("filledQty").GetString());
        Assert.Equal("apollo-client-buy", entry.GetProperty("idempotencyKey").GetString());
        var order = outcome.Report.GetProperty("cachedOrder");
        Assert.Equal(outcome.OrderId, order.GetProperty("id").GetString());
        Assert.Equal("FILLED", order.GetProperty("status").GetString());
        Assert.Equal("apollo-client-buy", order.GetProperty("idempotencyKey").GetString());
    }
}
