using System.Net;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Alpaca.Wire;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Alpaca's documented JSON reads into the public models: decimal strings, numeric market data, 207 lists.</summary>
public sealed class ResponseParsingTests : IDisposable
{
    private readonly AlpacaTestHost _host = new();

    [Fact]
    public async Task AccountExampleReadsWithDecimalsFromStrings()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/account", AlpacaSamples.Account);

        var account = await _host.Trading(_host.Connect()).GetAccountAsync();

        Assert.Equal(Guid.Parse("1d9eed04-be39-4e01-9b84-a48ac5bbafcf"), account.Id);
        Assert.Equal(AlpacaAccountStatus.Active, account.Status);
        Assert.Equal(245432.61m, account.BuyingPower);
        Assert.Equal(122011.09751111286868m, account.LastEquity);
        Assert.Equal(2m, account.Multiplier);
        Assert.Equal(0, account.DaytradeCount);
        Assert.False(account.TradingBlocked);
    }

    [Fact]
    public async Task OrderExampleReadsWithNanosecondTimestampsAndEmptyOrderClass()
    {
        _host.Upstream.OnJson("GET", $"/sandbox/paper/v2/orders/{AlpacaSamples.OrderId}", AlpacaSamples.Order);

        var order = await _host.Trading(_host.Connect()).GetOrderAsync(Guid.Parse(AlpacaSamples.OrderId));

        Assert.Equal("5680c4bc-9ac1-4a12-a44c-df427ba53032", order.ClientOrderId);
        Assert.Equal(AlpacaOrderStatus.Accepted, order.Status);
        Assert.Equal(AlpacaOrderType.Limit, order.Type);
        Assert.Equal(AlpacaOrderSide.Buy, order.Side);
        Assert.Equal(AlpacaTimeInForce.Gtc, order.TimeInForce);
        Assert.Equal(AlpacaOrderClass.Simple, order.OrderClass);
        Assert.Equal(2m, order.Qty);
        Assert.Equal(150m, order.LimitPrice);
        Assert.Equal(0m, order.FilledQty);
        Assert.Null(order.FilledAvgPrice);
        Assert.Equal(new DateTimeOffset(2023, 12, 12, 22, 31, 24, TimeSpan.Zero).AddTicks(6684644), order.CreatedAt);
        Assert.Empty(order.Legs);
    }

    [Theory]
    [InlineData("status", "\"some_future_status\"")]
    [InlineData("type", "\"vwap_algo\"")]
    [InlineData("side", "\"sell_short_exempt\"")]
    [InlineData("time_in_force", "\"gtd\"")]
    [InlineData("order_class", "\"multi_thing\"")]
    public async Task UnknownOrderWordsReadAsUnknown(string field, string value)
    {
        _host.Upstream.OnJson("GET", $"/sandbox/paper/v2/orders/{AlpacaSamples.OrderId}", AlpacaSamples.OrderWith(field, value));

        var order = await _host.Trading(_host.Connect()).GetOrderAsync(Guid.Parse(AlpacaSamples.OrderId));

        var read = field switch
        {
            "status" => order.Status.ToString(),
            "type" => order.Type.ToString(),
            "side" => order.Side.ToString(),
            "time_in_force" => order.TimeInForce.ToString(),
            _ => order.OrderClass.ToString(),
        };
        Assert.Equal("Unknown", read);
    }

    [Fact]
    public async Task UnknownAccountStatusReadsAsUnknown()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/account",
            AlpacaSamples.Account.Replace("\"status\":\"ACTIVE\"", "\"status\":\"UNDER_REVIEW_2030\"", StringComparison.Ordinal));

        var account = await _host.Trading(_host.Connect()).GetAccountAsync();

        Assert.Equal(AlpacaAccountStatus.Unknown, account.Status);
    }

    [Fact]
    public async Task PositionExampleReads()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/positions", $"[{AlpacaSamples.Position}]");

        var position = Assert.Single(await _host.Trading(_host.Connect()).ListPositionsAsync());

        Assert.Equal("AAPL", position.Symbol);
        Assert.Equal(AlpacaPositionSide.Long, position.Side);
        Assert.Equal(2m, position.Qty);
        Assert.Equal(174.78m, position.AvgEntryPrice);
        Assert.Equal(-0.0028035244307129m, position.UnrealizedPlpc);
    }

    [Fact]
    public async Task ClockExampleKeepsEasternOffsets()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);

        var clock = await _host.Trading(_host.Connect()).GetClockAsync();

        Assert.True(clock.IsOpen);
        Assert.Equal(TimeSpan.FromHours(-4), clock.NextOpen.Offset);
        Assert.Equal(new DateTimeOffset(2022, 4, 29, 13, 30, 0, TimeSpan.Zero), clock.NextOpen);
    }

    [Fact]
    public async Task AssetExampleReadsItsClassField()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/assets/AAPL", AlpacaSamples.Asset);

        var asset = await _host.Trading(_host.Connect()).GetAssetAsync("AAPL");

        Assert.Equal("us_equity", asset.AssetClass);
        Assert.Equal(AlpacaAssetStatus.Active, asset.Status);
        Assert.True(asset.Fractionable);
    }

    [Fact]
    public async Task LatestQuoteAndTradeReadNumericPricesFromTheDataHost()
    {
        _host.Upstream.OnJson("GET", "/sandbox/data/v2/stocks/AAPL/quotes/latest", AlpacaSamples.LatestQuote);
        _host.Upstream.OnJson("GET", "/sandbox/data/v2/stocks/AAPL/trades/latest", AlpacaSamples.LatestTrade);
        var trading = _host.Trading(_host.Connect());

        var quote = await trading.GetLatestQuoteAsync("AAPL", feed: "iex");
        var trade = await trading.GetLatestTradeAsync("AAPL");

        Assert.Equal(170.34m, quote.AskPrice);
        Assert.Equal(165.5m, quote.BidPrice);
        Assert.Equal(1m, quote.AskSize);
        Assert.Equal(["R"], quote.Conditions);
        Assert.Equal(166.81m, trade.Price);
        Assert.Equal(300m, trade.Size);
        Assert.Equal(10503, trade.TradeId);
        Assert.Equal("feed=iex", _host.Upstream.Received[0].Uri.Query.TrimStart('?'));
    }

    [Fact]
    public async Task CancelAllReadsTheMultiStatusList()
    {
        _host.Upstream.OnJson("DELETE", "/sandbox/paper/v2/orders", $$$"""
            [{"id":"{{{AlpacaSamples.OrderId}}}","status":200},
             {"id":"0b1c1f6a-5d3c-4a0e-9a43-4a4c1d0e5b11","status":500,"body":{"code":50010000,"message":"Failed to cancel order."}}]
            """, HttpStatusCode.MultiStatus);

        var results = await _host.Trading(_host.Connect()).CancelAllOrdersAsync();

        Assert.Collection(results,
            ok => Assert.True(ok.Succeeded),
            failed => Assert.Equal((500, "Failed to cancel order."), (failed.Status, failed.Message)));
    }

    [Fact]
    public async Task CloseAllReadsClosingOrdersAndFailures()
    {
        _host.Upstream.OnJson("DELETE", "/sandbox/paper/v2/positions", $$$"""
            [{"symbol":"AAPL","status":200,"body":{{{AlpacaSamples.Order}}}},
             {"symbol":"TSLA","status":403,"body":{"code":40310000,"message":"insufficient qty available for order","available":"0","symbol":"TSLA"}}]
            """, HttpStatusCode.MultiStatus);

        var results = await _host.Trading(_host.Connect()).CloseAllPositionsAsync(cancelOrders: true);

        Assert.Equal(Guid.Parse(AlpacaSamples.OrderId), results[0].Order?.Id);
        Assert.Equal((false, 40310000, "insufficient qty available for order"), (results[1].Succeeded, results[1].AlpacaCode, results[1].Message));
        Assert.Equal("cancel_orders=true", _host.Upstream.Received[0].Uri.Query.TrimStart('?'));
    }

    [Fact]
    public async Task ClosingOnePositionReturnsTheClosingOrder()
    {
        _host.Upstream.OnJson("DELETE", "/sandbox/paper/v2/positions/AAPL", AlpacaSamples.Order);

        var order = await _host.Trading(_host.Connect()).ClosePositionAsync("AAPL", percentage: 50m);

        Assert.Equal(Guid.Parse(AlpacaSamples.OrderId), order.Id);
        Assert.Equal("percentage=50", _host.Upstream.Received[0].Uri.Query.TrimStart('?'));
    }

    [Fact]
    public async Task ErrorBodyWithCodeBecomesARejection()
    {
        _host.Upstream.OnJson("POST", "/sandbox/paper/v2/orders",
            """{"buying_power":"176531.28","code":40310000,"cost_basis":"48640000","message":"insufficient buying power"}""",
            HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.Trading(_host.Connect()).CreateOrderAsync(NewOrder()));

        Assert.Equal((AlpacaErrorKind.Rejected, HttpStatusCode.Forbidden, 40310000, "insufficient buying power", false),
            (error.Kind, error.StatusCode, error.AlpacaCode, error.UpstreamMessage, error.IsAmbiguous));
        Assert.Equal("INSUFFICIENT_BUYING_POWER", UpstreamErrorCodes.For(error));
    }

    [Fact]
    public async Task ErrorBodyWithoutCodeStillReads()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/account", """{"message":"forbidden."}""", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.Trading(_host.Connect()).GetAccountAsync());

        Assert.Equal((AlpacaErrorKind.Rejected, (int?)null, "forbidden."), (error.Kind, error.AlpacaCode, error.UpstreamMessage));
    }

    [Fact]
    public async Task NotFoundIsItsOwnKind()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/positions/MSFT", """{"code":40410000,"message":"position does not exist"}""", HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _host.Trading(_host.Connect()).GetPositionAsync("MSFT"));

        Assert.Equal((AlpacaErrorKind.NotFound, "NOT_FOUND"), (error.Kind, UpstreamErrorCodes.For(error)));
    }

    [Theory]
    [InlineData("partial_fill", nameof(AlpacaTradeEvent.PartialFill))]
    [InlineData("order_cancel_rejected", nameof(AlpacaTradeEvent.OrderCancelRejected))]
    [InlineData("fill", nameof(AlpacaTradeEvent.Fill))]
    [InlineData("margin_call_2031", nameof(AlpacaTradeEvent.Unknown))]
    [InlineData(null, nameof(AlpacaTradeEvent.Unknown))]
    public void TradeEventWordsReadWithUnknownAsFallback(string? word, string expected)
    {
        // The enum is internal; a public theory names it by its member's name.
        Assert.Equal(Enum.Parse<AlpacaTradeEvent>(expected), WireEnum<AlpacaTradeEvent>.Parse(word));
    }

    [Fact]
    public void UnknownValuesCannotBeSent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WireEnum<AlpacaOrderSide>.Format(AlpacaOrderSide.Unknown));
    }

    internal static AlpacaNewOrder NewOrder(string clientOrderId = "idem-1") => new()
    {
        ClientOrderId = clientOrderId,
        Symbol = "AAPL",
        Side = AlpacaOrderSide.Buy,
        Type = AlpacaOrderType.Limit,
        TimeInForce = AlpacaTimeInForce.Day,
        Qty = 2m,
        LimitPrice = 150.25m,
    };

    public void Dispose() => _host.Dispose();
}
