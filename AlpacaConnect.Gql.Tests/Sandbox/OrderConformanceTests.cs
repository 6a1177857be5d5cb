using System.Net;
using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>POST /v2/orders and the order reads, in Alpaca's shapes (TRADING-SPEC, ORDERS-DOC).</summary>
public sealed class OrderConformanceTests : IClassFixture<SandboxHost>
{
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;

    public OrderConformanceTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        _paper = host.Trading(SandboxEnvironment.Paper, host.Token());
    }

    [Fact]
    public async Task PlacingAnOrderAnswers200WithTheFullOrderAndDecimalsAsStrings()
    {
        using var response = await _paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":2,"side":"buy","type":"limit","limit_price":150.5,"time_in_force":"gtc","client_order_id":"mine-1"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.JsonAsync();
        Assert.True(Guid.TryParse(order.Str("id"), out _));
        Assert.Equal("mine-1", order.Str("client_order_id"));
        Assert.Equal(2m, order.Dec("qty"));
        Assert.Equal(150.5m, order.Dec("limit_price"));
        Assert.Equal(0m, order.Dec("filled_qty"));
        Assert.Equal("new", order.Str("status"));
        Assert.Equal("limit", order.Str("order_type"));
        Assert.Equal("", order.Str("order_class"));
        Assert.Equal("us_equity", order.Str("asset_class"));
        Assert.EndsWith("Z", order.Str("created_at"), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(order.Str("expires_at"), out _)); // GTC aging
        foreach (var field in new[] { "filled_at", "canceled_at", "replaced_by", "replaces", "notional", "filled_avg_price", "legs", "hwm" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, order.GetProperty(field).ValueKind);
        }

        Assert.Contains(response.Headers, h => h.Key == "X-Ratelimit-Remaining");
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL","qty":"1","notional":"100","side":"buy","type":"market","time_in_force":"day"}""", 422, 40010001, "only one of qty or notional may be specified")]
    [InlineData("""{"symbol":"AAPL","side":"buy","type":"market","time_in_force":"day"}""", 422, 40010001, "qty or notional is required")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","time_in_force":"day"}""", 422, 40010001, "limit_price is required")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"stop_limit","limit_price":"200","time_in_force":"day"}""", 422, 40010001, "stop_price is required")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"sell","type":"trailing_stop","trail_price":"1","trail_percent":"1","time_in_force":"day"}""", 422, 40010001, "exactly one of trail_price or trail_percent is required")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"290.123","time_in_force":"day"}""", 422, 42210000, "invalid limit_price 290.123. sub-penny increment does not fulfill minimum pricing criteria")]
    [InlineData("""{"symbol":"PNNY","qty":"10","side":"buy","type":"limit","limit_price":"0.41235","time_in_force":"day"}""", 422, 42210000, "invalid limit_price 0.41235. sub-penny increment does not fulfill minimum pricing criteria")]
    [InlineData("""{"symbol":"AAPL","qty":"0.5","side":"buy","type":"market","time_in_force":"gtc"}""", 422, 42210000, "fractional orders must be DAY orders of type market, limit, stop or stop_limit")]
    [InlineData("""{"symbol":"SBXN","notional":"100","side":"buy","type":"market","time_in_force":"day"}""", 422, 42210000, "requested asset is not fractionable")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","extended_hours":true}""", 422, 40010001, "extended hours order must be DAY limit orders")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"stop","stop_price":"200","time_in_force":"ioc"}""", 422, 40010001, "time_in_force ioc is only allowed for market and limit orders")]
    [InlineData("""{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day","order_class":"bracket","take_profit":{"limit_price":"180"},"stop_loss":{"stop_price":"185"}}""", 422, 42210000, "take_profit.limit_price must be > stop_loss.stop_price")]
    [InlineData("""{"symbol":"NOPE","qty":"1","side":"buy","type":"market","time_in_force":"day"}""", 422, 40010001, "asset \"NOPE\" not found")]
    [InlineData("""{"symbol":"AAPL","qty":"1000","side":"sell","type":"market","time_in_force":"day"}""", 403, 40310000, "insufficient qty available for order (requested: 1000, available: 0)")]
    public async Task InvalidOrdersGetAlpacasStatusCodeAndMessage(string body, int status, int code, string message)
    {
        using var response = await _paper.PostJsonAsync("v2/orders", body);
        await response.AssertErrorAsync(status, code, message);
    }

    [Fact]
    public async Task InsufficientBuyingPowerIs403WithTheBuyingPowerAndCostBasis()
    {
        _host.Control.SetPrice("AAPL", 200m);
        using var response = await _paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"1000","side":"buy","type":"market","time_in_force":"day"}""");

        var body = await response.AssertErrorAsync(403, 40310000, "insufficient buying power");
        Assert.Equal(100000m, body.Dec("buying_power"));
        Assert.Equal(200010m, body.Dec("cost_basis"));
    }

    [Fact]
    public async Task OpenBuyOrdersReserveBuyingPower()
    {
        using var order = await _paper.PostJsonAsync("v2/orders", """{"symbol":"MSFT","qty":"100","side":"buy","type":"limit","limit_price":"400","time_in_force":"day"}""");
        var account = await (await _paper.GetAsync("v2/account")).JsonAsync();

        Assert.Equal(60000m, account.Dec("buying_power"));
        Assert.Equal(100000m, account.Dec("cash"));
        Assert.False(account.TryGetProperty("daytrade_count", out _)); // removed by Alpaca on 2026-07-06 (facts-more 0.1)
        Assert.Equal("PA3ALICE0001", account.Str("account_number"));
    }

    [Fact]
    public async Task ClientOrderIdsAreUniqueForeverEvenAfterCancel()
    {
        var body = """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"day","client_order_id":"once"}""";
        var first = await (await _paper.PostJsonAsync("v2/orders", body)).JsonAsync();
        using var cancel = await _paper.DeleteAsync($"v2/orders/{first.Str("id")}");
        _host.Control.ProcessNow();
        using var again = await _paper.PostJsonAsync("v2/orders", body);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        await again.AssertErrorAsync(422, 40010001, "client_order_id must be unique");
    }

    [Fact]
    public async Task OrdersAreFoundByIdAndByClientOrderIdAndMalformedIdsAre422()
    {
        var placed = await (await _paper.PostJsonAsync("v2/orders",
            """{"symbol":"TSLA","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"day","client_order_id":"find-me"}""")).JsonAsync();

        var byId = await (await _paper.GetAsync($"v2/orders/{placed.Str("id")}")).JsonAsync();
        var byClient = await (await _paper.GetAsync("v2/orders:by_client_order_id?client_order_id=find-me")).JsonAsync();
        using var malformed = await _paper.GetAsync("v2/orders/not-a-uuid");
        using var unknown = await _paper.GetAsync($"v2/orders/{Guid.NewGuid()}");
        using var unknownClient = await _paper.GetAsync("v2/orders:by_client_order_id?client_order_id=nobody");

        Assert.Equal(placed.Str("id"), byId.Str("id"));
        Assert.Equal(placed.Str("id"), byClient.Str("id"));
        await malformed.AssertErrorAsync(422, 40010001, "order_id is missing");
        await unknown.AssertErrorAsync(404, 40410000, "order not found");
        await unknownClient.AssertErrorAsync(404, 40410000, "order not found");
    }

    [Fact]
    public async Task TheOrderListFiltersByStatusSymbolSideAndLimitNewestFirst()
    {
        foreach (var symbol in new[] { "AAPL", "MSFT", "TSLA" })
        {
            await _paper.PostJsonAsync("v2/orders", $$"""{"symbol":"{{symbol}}","qty":"1","side":"buy","type":"limit","limit_price":"10","time_in_force":"day"}""");
        }

        var open = await (await _paper.GetAsync("v2/orders")).JsonAsync();
        var closed = await (await _paper.GetAsync("v2/orders?status=closed")).JsonAsync();
        var two = await (await _paper.GetAsync("v2/orders?limit=2&direction=asc")).JsonAsync();
        var filtered = await (await _paper.GetAsync("v2/orders?symbols=MSFT,TSLA&side=buy")).JsonAsync();
        using var tooMany = await _paper.GetAsync("v2/orders?limit=501");

        Assert.Equal(["TSLA", "MSFT", "AAPL"], open.EnumerateArray().Select(o => o.Str("symbol")));
        Assert.Equal(0, closed.GetArrayLength());
        Assert.Equal(["AAPL", "MSFT"], two.EnumerateArray().Select(o => o.Str("symbol")));
        Assert.Equal(["TSLA", "MSFT"], filtered.EnumerateArray().Select(o => o.Str("symbol")));
        Assert.Equal(422, (int)tooMany.StatusCode);
    }

    [Fact]
    public async Task ABracketOrderHoldsItsLegsUntilTheEntryFills()
    {
        var bracket = await (await _paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"5","side":"buy","type":"market","time_in_force":"gtc","order_class":"bracket","take_profit":{"limit_price":"210"},"stop_loss":{"stop_price":"180"}}""")).JsonAsync();
        var legs = bracket.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal("bracket", bracket.Str("order_class"));
        Assert.Equal(["held", "held"], legs.Select(l => l.Str("status")));
        Assert.Equal(["limit", "stop"], legs.Select(l => l.Str("type")));
        Assert.All(legs, l => Assert.Equal("sell", l.Str("side")));

        _host.Control.ProcessNow();
        var nested = await (await _paper.GetAsync($"v2/orders/{bracket.Str("id")}?nested=true")).JsonAsync();
        var flat = await (await _paper.GetAsync("v2/orders?status=all")).JsonAsync();

        Assert.Equal("filled", nested.Str("status"));
        Assert.Equal(["new", "new"], nested.GetProperty("legs").EnumerateArray().Select(l => l.Str("status")));
        Assert.Equal(3, flat.GetArrayLength());
        Assert.All(flat.EnumerateArray(), o => Assert.Equal(System.Text.Json.JsonValueKind.Null, o.GetProperty("legs").ValueKind));
    }

    [Fact]
    public async Task WhenOneExitOfABracketFillsTheOtherIsCanceledAndLegsNestOneLevelOnly()
    {
        var bracket = await (await _paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"5","side":"buy","type":"market","time_in_force":"gtc","order_class":"bracket","take_profit":{"limit_price":"210"},"stop_loss":{"stop_price":"180"}}""")).JsonAsync();
        _host.Control.ProcessNow();
        _host.Control.SetPrice("AAPL", 215m);
        _host.Control.ProcessNow();

        var nested = await (await _paper.GetAsync($"v2/orders/{bracket.Str("id")}?nested=true")).JsonAsync();

        var legs = nested.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal([("limit", "filled"), ("stop", "canceled")], legs.Select(l => (l.Str("type"), l.Str("status"))).ToList());
        Assert.All(legs, l => Assert.Equal(("bracket", System.Text.Json.JsonValueKind.Null), (l.Str("order_class"), l.GetProperty("legs").ValueKind)));
    }

    [Fact]
    public async Task AnOcoIsTheTakeProfitWithTheStopLossAsItsOneLeg()
    {
        await _paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"5","side":"buy","type":"market","time_in_force":"day"}""");
        _host.Control.ProcessNow();

        var oco = await (await _paper.PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"5","side":"sell","type":"limit","limit_price":"210","time_in_force":"gtc","order_class":"oco","take_profit":{"limit_price":"210"},"stop_loss":{"stop_price":"180"}}""")).JsonAsync();
        var nested = await (await _paper.GetAsync($"v2/orders/{oco.Str("id")}?nested=true")).JsonAsync();

        Assert.Equal(("oco", "limit", "210"), (nested.Str("order_class"), nested.Str("type"), nested.Str("limit_price")));
        var leg = Assert.Single(nested.GetProperty("legs").EnumerateArray());
        Assert.Equal(("stop", "180", "oco"), (leg.Str("type"), leg.Str("stop_price"), leg.Str("order_class")));
    }

    [Fact]
    public async Task NotionalAndFractionalOrdersFillInFractionsOfAShare()
    {
        _host.Control.SetPrice("AAPL", 199.99m); // ask 200.00
        var order = await (await _paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","notional":"500","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync();
        _host.Control.ProcessNow();
        var filled = await (await _paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();

        Assert.Equal(500m, order.Dec("notional"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, order.GetProperty("qty").ValueKind);
        Assert.Equal("filled", filled.Str("status"));
        Assert.Equal(2.5m, filled.Dec("filled_qty"));
        Assert.Equal(200m, filled.Dec("filled_avg_price"));
    }
}
