using System.Text.Json;
using AlpacaConnect.Gql.GraphQL.Transport.WebSockets;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// The real <c>graphql-sse</c> npm client (2.6.1, distinct connections mode) on Node against the server on loopback:
/// a query, a mutation placing a market order and a subscription following that order to its fill, all through it.
/// </summary>
public sealed class GraphQLSseClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheGraphQLSseClientQueriesPlacesAnOrderAndFollowsItUntilItsFill()
    {
        // The sandbox fills market orders on its own, 50 ms after they are accepted.
        await using var driver = new StreamDriver(host => host.WithSetting("Sandbox:Market:FillDelay", "00:00:00.050"), output);
        await driver.Orders.ConnectAsync();
        var url = new Uri(driver.Host.BaseUri, "/graphql").ToString();
        await using var client = new NodeSession("graphql-sse-client.mjs", [url, driver.Host.TokenFor("app-alice")]);

        var query = await ExpectStepAsync(client, "query");
        await ExpectStepAsync(client, "subscribed");
        await Eventually.HoldsAsync(() => driver.Supervisor.IsAttached("app-alice"), "the client's subscription is live");
        await client.SendAsync(new { input = OrderDriver.MarketBuy("sse-client-buy", qty: "3") });
        var mutation = await ExpectStepAsync(client, "mutation");
        var updates = (await ExpectStepAsync(client, "updates")).GetProperty("updates").EnumerateArray().ToList();

        var viewer = Assert.Single(query.GetProperty("results").EnumerateArray());
        Assert.Equal("app-alice", viewer.GetProperty("data").GetProperty("me").GetProperty("id").GetString());
        var placed = Assert.Single(mutation.GetProperty("results").EnumerateArray()).GetProperty("data").GetProperty("placeOrder");
        Assert.Empty(placed.GetProperty("errors").EnumerateArray());
        var orderId = placed.GetProperty("order").GetProperty("id").GetString();
        Assert.All(updates, u => Assert.Equal(orderId, StreamDriver.OrderIdOf(u)));
        Assert.Equal(["NEW", "FILL"], updates.Select(StreamDriver.EventOf));
        Assert.Equal(["0", "3"], updates.Select(u => u.GetProperty("order").GetProperty("filledQty").GetString()));
        // The client stopped the subscription by aborting its request: the server gave the slot back.
        var quota = driver.Host.Services.GetRequiredService<UserSubscriptionQuota>();
        await Eventually.HoldsAsync(() => quota.ActiveFor("app-alice") == 0, "the stopped subscription's slot is free");
    }

    private static async Task<JsonElement> ExpectStepAsync(NodeSession client, string step)
    {
        var answer = await client.ExpectAsync(a => a.GetProperty("step").GetString() is var s && (s == step || s == "failed"));
        Assert.True(answer.GetProperty("step").GetString() == step, client.Output);
        return answer;
    }
}
