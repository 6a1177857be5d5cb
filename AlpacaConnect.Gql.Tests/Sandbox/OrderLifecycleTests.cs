using System.Net;
using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>Replace, cancel, positions and the environment endpoints (clock, assets, market data).</summary>
public sealed class OrderLifecycleTests : IClassFixture<SandboxHost>
{
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;

    public OrderLifecycleTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        _paper = host.Trading(SandboxEnvironment.Paper, host.Token());
    }

    [Fact]
    public async Task ReplacingAnOrderAnswersANewOrderAndTheOldOneBecomesReplaced()
    {
        var old = await PlaceLimitAsync("AAPL", "buy", "100");

        using var response = await _paper.PatchJsonAsync($"v2/orders/{old}", """{"qty":"3","limit_price":"101.5"}""");
        var replacement = await response.JsonAsync();
        using var whilePending = await _paper.PatchJsonAsync($"v2/orders/{old}", """{"qty":"4"}""");
        _host.Control.ProcessNow();
        var before = await (await _paper.GetAsync($"v2/orders/{old}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(old, replacement.Str("id"));
        Assert.Equal(old, replacement.Str("replaces"));
        Assert.Equal(3m, replacement.Dec("qty"));
        Assert.Equal(101.5m, replacement.Dec("limit_price"));
        await whilePending.AssertErrorAsync(422, 40010001, "order is not replaceable in status pending_replace");
        Assert.Equal("replaced", before.Str("status"));
        Assert.Equal(replacement.Str("id"), before.Str("replaced_by"));
    }

    [Fact]
    public async Task CancelingIs204ThenPendingCancelThenCanceledAndAFilledOrderIsNotCancelable()
    {
        var resting = await PlaceLimitAsync("AAPL", "buy", "100");
        var market = (await (await _paper.PostJsonAsync("v2/orders", """{"symbol":"MSFT","qty":"1","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync()).Str("id");

        using var cancel = await _paper.DeleteAsync($"v2/orders/{resting}");
        var pending = await (await _paper.GetAsync($"v2/orders/{resting}")).JsonAsync();
        _host.Control.ProcessNow();
        var canceled = await (await _paper.GetAsync($"v2/orders/{resting}")).JsonAsync();
        using var tooLate = await _paper.DeleteAsync($"v2/orders/{market}");
        using var unknown = await _paper.DeleteAsync($"v2/orders/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Equal("pending_cancel", pending.Str("status"));
        Assert.Equal("canceled", canceled.Str("status"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, canceled.GetProperty("canceled_at").ValueKind);
        await tooLate.AssertErrorAsync(422, 40010001, "order is not cancelable in status filled");
        await unknown.AssertErrorAsync(404, 40410000, "order not found");
    }

    [Fact]
    public async Task CancelingAllOrdersAnswers207WithAnIntegerStatusPerOrder()
    {
        var a = await PlaceLimitAsync("AAPL", "buy", "100");
        var b = await PlaceLimitAsync("TSLA", "buy", "100");

        using var response = await _paper.DeleteAsync("v2/orders");
        var results = await response.JsonAsync();

        Assert.Equal(207, (int)response.StatusCode);
        Assert.Equal(new[] { a, b }.Order(), results.EnumerateArray().Select(r => r.Str("id")).Order());
        Assert.All(results.EnumerateArray(), r => Assert.Equal(200, r.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task PositionsAppearAfterFillsAndClosingOneAnswersTheClosingOrder()
    {
        _host.Control.SetPrice("AAPL", 100m);
        await _paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"10","side":"buy","type":"market","time_in_force":"day"}""");
        await _paper.PostJsonAsync("v2/orders", """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"day"}""");
        _host.Control.ProcessNow();

        var positions = await (await _paper.GetAsync("v2/positions")).JsonAsync();
        var aapl = await (await _paper.GetAsync("v2/positions/AAPL")).JsonAsync();
        using var none = await _paper.GetAsync("v2/positions/TSLA");
        using var partial = await _paper.DeleteAsync("v2/positions/AAPL?percentage=40");
        var closing = await partial.JsonAsync();
        _host.Control.ProcessNow();
        var after = await (await _paper.GetAsync("v2/positions/AAPL")).JsonAsync();

        Assert.Equal(["AAPL", "SPY"], positions.EnumerateArray().Select(p => p.Str("symbol")));
        Assert.Equal(10m, aapl.Dec("qty"));
        Assert.Equal(100.01m, aapl.Dec("avg_entry_price"));
        Assert.Equal(1000.1m, aapl.Dec("cost_basis"));
        Assert.Equal("long", aapl.Str("side"));
        await none.AssertErrorAsync(404, 40410000, "position not found");
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(("sell", "market", 4m), (closing.Str("side"), closing.Str("type"), closing.Dec("qty")));
        Assert.Equal(6m, after.Dec("qty"));
    }

    [Fact]
    public async Task ClosingAllPositionsAnswers207WithTheClosingOrders()
    {
        await _paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"2","side":"buy","type":"market","time_in_force":"day"}""");
        _host.Control.ProcessNow();
        await PlaceLimitAsync("AAPL", "sell", "500", qty: "2");

        using var response = await _paper.DeleteAsync("v2/positions?cancel_orders=true");
        var results = await response.JsonAsync();
        _host.Control.ProcessNow();

        Assert.Equal(207, (int)response.StatusCode);
        var only = Assert.Single(results.EnumerateArray());
        Assert.Equal(("AAPL", 200), (only.Str("symbol"), only.GetProperty("status").GetInt32()));
        Assert.Equal("market", only.GetProperty("body").Str("type"));
        Assert.Equal(0, (await (await _paper.GetAsync("v2/positions")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task TheClockCarriesTheNewYorkOffset()
    {
        var clock = await (await _paper.GetAsync("v2/clock")).JsonAsync();

        Assert.True(clock.GetProperty("is_open").GetBoolean());
        Assert.Matches(@"-0[45]:00$", clock.Str("timestamp"));
        Assert.Matches(@"T09:30:00-0[45]:00$", clock.Str("next_open"));
        Assert.Matches(@"T16:00:00-0[45]:00$", clock.Str("next_close"));
    }

    [Fact]
    public async Task AssetsUseTheClassFieldAndUnknownOnesAre404()
    {
        var asset = await (await _paper.GetAsync("v2/assets/SBXN")).JsonAsync();
        using var unknown = await _paper.GetAsync("v2/assets/NOPE");

        Assert.Equal("us_equity", asset.Str("class"));
        Assert.False(asset.TryGetProperty("asset_class", out _));
        Assert.False(asset.GetProperty("fractionable").GetBoolean());
        await unknown.AssertErrorAsync(404, 40410000, "asset not found");
    }

    [Fact]
    public async Task MarketDataPricesAreJsonNumbers()
    {
        _host.Control.SetPrice("MSFT", 400m);
        using var data = new HttpClient { BaseAddress = new Uri(_host.BaseUri, SandboxPaths.MarketData + "/") };
        data.DefaultRequestHeaders.Authorization = new("Bearer", _host.Token());

        var quote = await (await data.GetAsync("v2/stocks/MSFT/quotes/latest")).JsonAsync();
        var trade = await (await data.GetAsync("v2/stocks/MSFT/trades/latest")).JsonAsync();
        var quotes = await (await data.GetAsync("v2/stocks/quotes/latest?symbols=MSFT,AAPL")).JsonAsync();
        var trades = await (await data.GetAsync("v2/stocks/trades/latest?symbols=MSFT")).JsonAsync();

        Assert.Equal("MSFT", quote.Str("symbol"));
        Assert.Equal(400.01m, quote.GetProperty("quote").GetProperty("ap").GetDecimal());
        Assert.Equal(399.99m, quote.GetProperty("quote").GetProperty("bp").GetDecimal());
        Assert.Equal(400m, trade.GetProperty("trade").GetProperty("p").GetDecimal());
        Assert.Equal(["AAPL", "MSFT"], quotes.GetProperty("quotes").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(400m, trades.GetProperty("trades").GetProperty("MSFT").GetProperty("p").GetDecimal());
    }

    private async Task<string> PlaceLimitAsync(string symbol, string side, string price, string qty = "1")
    {
        using var response = await _paper.PostJsonAsync("v2/orders",
            $$"""{"symbol":"{{symbol}}","qty":"{{qty}}","side":"{{side}}","type":"limit","limit_price":"{{price}}","time_in_force":"gtc"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).Str("id");
    }
}
