using System.Text.Json;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>What reaches Alpaca: the right host per environment, Bearer only, literal paths, decimals as strings.</summary>
public sealed class RequestShapeTests : IDisposable
{
    private readonly AlpacaTestHost _host = new(factory => factory.WithSetting("Alpaca:AllowLive", "true"));

    [Fact]
    public async Task CallsCarryOnlyTheBearerToken()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/account", AlpacaSamples.Account);

        await _host.Trading(_host.Connect("token-abc")).GetAccountAsync();

        var request = Assert.Single(_host.Upstream.Received);
        Assert.Equal("Bearer token-abc", request.Header("Authorization"));
        Assert.DoesNotContain(request.Headers.Keys, key => key.StartsWith("APCA-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EachEnvironmentCallsItsOwnHost()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);
        _host.Upstream.OnJson("GET", "/sandbox/live/v2/clock", AlpacaSamples.Clock);

        await _host.Trading(_host.Connect(environment: AlpacaEnvironment.Paper)).GetClockAsync();
        await _host.Trading(_host.Connect(environment: AlpacaEnvironment.Live)).GetClockAsync();

        Assert.Equal(
            ["http://alpaca.test/sandbox/paper/v2/clock", "http://alpaca.test/sandbox/live/v2/clock"],
            _host.Upstream.Received.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task ByClientOrderIdPathIsSentLiterally()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/orders:by_client_order_id", AlpacaSamples.Order);

        var order = await _host.Trading(_host.Connect()).GetOrderByClientOrderIdAsync("idem 1/ü");

        Assert.Equal(Guid.Parse(AlpacaSamples.OrderId), order.Id);
        var request = Assert.Single(_host.Upstream.Received);
        Assert.Equal("/sandbox/paper/v2/orders:by_client_order_id", request.Uri.AbsolutePath);
        Assert.Contains("/v2/orders:by_client_order_id?", request.Uri.OriginalString, StringComparison.Ordinal);
        Assert.Equal("idem 1/ü", Uri.UnescapeDataString(request.Uri.Query["?client_order_id=".Length..]));
    }

    [Fact]
    public async Task NewOrderIsJsonWithDecimalsAsStrings()
    {
        _host.Upstream.OnJson("POST", "/sandbox/paper/v2/orders", AlpacaSamples.Order);

        await _host.Trading(_host.Connect()).CreateOrderAsync(ResponseParsingTests.NewOrder("idem-42") with
        {
            OrderClass = AlpacaOrderClass.Bracket,
            TakeProfit = new AlpacaTakeProfit(160.5m),
            StopLoss = new AlpacaStopLoss(140m, 139.5m),
        });

        var request = Assert.Single(_host.Upstream.Received);
        Assert.Equal("application/json", request.ContentType);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("AAPL", body.GetProperty("symbol").GetString());
        Assert.Equal("2", body.GetProperty("qty").GetString());
        Assert.Equal("150.25", body.GetProperty("limit_price").GetString());
        Assert.Equal("limit", body.GetProperty("type").GetString());
        Assert.Equal("day", body.GetProperty("time_in_force").GetString());
        Assert.Equal("idem-42", body.GetProperty("client_order_id").GetString());
        Assert.Equal("bracket", body.GetProperty("order_class").GetString());
        Assert.Equal("160.5", body.GetProperty("take_profit").GetProperty("limit_price").GetString());
        Assert.Equal("139.5", body.GetProperty("stop_loss").GetProperty("limit_price").GetString());
        Assert.False(body.TryGetProperty("notional", out _));
    }

    [Fact]
    public async Task ListingOrdersSendsAlpacasQueryWords()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/orders", $"[{AlpacaSamples.Order}]");

        var orders = await _host.Trading(_host.Connect()).ListOrdersAsync(new AlpacaOrderQuery
        {
            Status = AlpacaOrderQueryStatus.All,
            Limit = 500,
            After = new DateTimeOffset(2026, 1, 2, 9, 30, 0, TimeSpan.FromHours(-5)),
            Direction = AlpacaSortDirection.Asc,
            Symbols = ["AAPL", "TSLA"],
            Side = AlpacaOrderSide.Sell,
            Nested = true,
        });

        Assert.Single(orders);
        var query = Uri.UnescapeDataString(Assert.Single(_host.Upstream.Received).Uri.Query);
        Assert.Equal("?status=all&limit=500&after=2026-01-02T14:30:00Z&direction=asc&symbols=AAPL,TSLA&side=sell&nested=true", query);
    }

    [Fact]
    public async Task ReplaceIsAPatchAndCancelAcceptsNoContent()
    {
        var path = $"/sandbox/paper/v2/orders/{AlpacaSamples.OrderId}";
        _host.Upstream.OnJson("PATCH", path, AlpacaSamples.Order);
        _host.Upstream.On("DELETE", path, _ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        var trading = _host.Trading(_host.Connect());

        await trading.ReplaceOrderAsync(Guid.Parse(AlpacaSamples.OrderId), new AlpacaReplaceOrder { LimitPrice = 151m, ClientOrderId = "idem-1-r1" });
        await trading.CancelOrderAsync(Guid.Parse(AlpacaSamples.OrderId));

        var patch = JsonDocument.Parse(_host.Upstream.Received[0].Body!).RootElement;
        Assert.Equal("151", patch.GetProperty("limit_price").GetString());
        Assert.Equal(["PATCH", "DELETE"], _host.Upstream.Received.Select(r => r.Method));
    }

    [Fact]
    public void LiveIsRefusedUnlessAllowed()
    {
        using var host = new AlpacaTestHost();

        var error = Assert.Throws<AlpacaApiException>(() =>
            host.Trading(new AlpacaConnectionRef(Guid.NewGuid(), AlpacaEnvironment.Live)));

        Assert.Equal((AlpacaErrorKind.EnvironmentNotAllowed, "FORBIDDEN"), (error.Kind, UpstreamErrorCodes.For(error)));
    }

    public void Dispose() => _host.Dispose();
}
