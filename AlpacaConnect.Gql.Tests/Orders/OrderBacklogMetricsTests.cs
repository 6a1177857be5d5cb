using System.Net;
using System.Text;
using AlpacaConnect.Gql.Tests.Observability;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>What the stuck-orders alert reads: an order whose answer was lost and cannot be looked up stays unsettled.</summary>
public sealed class OrderBacklogMetricsTests
{
    [Fact]
    public async Task AnOrderWhoseAnswerWasLostAndCannotBeLookedUpCountsAsUnsettled()
    {
        // No stream, so no reconciliation settles the order behind the scrape's back.
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:Mode", "Off"));
        await driver.ConnectAsync();
        using var http = driver.Host.Http();
        var before = await MetricsScrape.ReadAsync(http);
        await AddFaultAsync(http, """{"route":"POST /v2/orders","kind":"LoseResponse"}""");
        await AddFaultAsync(http, """{"route":"GET /v2/orders:by_client_order_id","kind":"ServerError","count":null}""");

        await driver.PlaceAsync(OrderDriver.MarketBuy("lost-and-unknown"));
        var after = await MetricsScrape.ReadAsync(http);

        Assert.Equal((0, 0), (before.Value("alpaca_connect_orders_unsettled"), before.Value("alpaca_connect_orders_unsettled_oldest_age_seconds")));
        Assert.Equal(1, after.Value("alpaca_connect_orders_unsettled"));
        Assert.True(after.Value("alpaca_connect_orders_unsettled_oldest_age_seconds") >= 0);
        Assert.Single(after.Matching("alpaca_connect_orders_unsettled_oldest_age_seconds"));
    }

    private static async Task AddFaultAsync(HttpClient http, string fault)
    {
        using var added = await http.PostAsync(new Uri("/sandbox/control/faults", UriKind.Relative), new StringContent(fault, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
    }
}
