using System.Net;
using System.Text;
using AlpacaConnect.Gql.Tests.Orders;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>What the stream-health alert reads: accounts holding open orders against the streams open for them.</summary>
public sealed class StreamHealthMetricsTests
{
    private const string OpenAccounts = "alpaca_connect_orders_open_accounts";
    private const string StreamsOpen = "alpaca_connect_stream_open";

    [Fact]
    public async Task AnAccountWithAnOpenOrderWhoseStreamCannotBeOpenedShowsAsOpenOrdersWithoutAStream()
    {
        using var driver = new OrderDriver(host => host.WithSetting("Streaming:ReconnectInitialDelay", "00:00:00.020"));
        await driver.ConnectAsync();
        using var http = driver.Host.Http();
        var before = await MetricsScrape.ReadAsync(http);

        // A resting order keeps the account's trade_updates socket open.
        await driver.PlaceAsync(OrderDriver.LimitBuy("resting", "1", "1.00"));
        var streamed = await MetricsScrape.ReadUntilAsync(http, s => s.Value(OpenAccounts) == 1 && s.Value(StreamsOpen) == 1);

        // The stream is refused from now on and the open one dropped: the order stays open with no stream.
        using var refused = await http.PostAsync(new Uri("/sandbox/control/faults", UriKind.Relative), new StringContent(
            """{"route":"GET /stream","kind":"ServerError","count":null}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        Assert.Equal(1, driver.Host.Control.DropStreams());
        var unstreamed = await MetricsScrape.ReadUntilAsync(http, s => s.Value(StreamsOpen) == 0);

        using var cleared = await http.DeleteAsync(new Uri("/sandbox/control/faults", UriKind.Relative));
        var restored = await MetricsScrape.ReadUntilAsync(http, s => s.Value(StreamsOpen) == 1);

        Assert.Equal((0, 0), (before.Value(OpenAccounts), before.Value(StreamsOpen)));
        Assert.Equal((1, 1), (streamed.Value(OpenAccounts), streamed.Value(StreamsOpen)));
        Assert.Equal((1, 0), (unstreamed.Value(OpenAccounts), unstreamed.Value(StreamsOpen)));
        Assert.Equal((1, 1), (restored.Value(OpenAccounts), restored.Value(StreamsOpen)));
        Assert.Equal(0, restored.Value("alpaca_connect_orders_unsettled"));
        Assert.Equal(0, restored.Value("alpaca_connect_orders_unsettled_oldest_age_seconds"));
    }
}
