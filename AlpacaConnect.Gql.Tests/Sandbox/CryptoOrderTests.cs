using System.Net;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>
/// Crypto orders (DOCS-2025 <c>crypto-trading.md</c>, facts-more 3.3): gtc/ioc, market/limit/stop_limit, the pair's
/// sizes, 24/7 fills, and positions named without the slash. NYSE hours on a Saturday, so only crypto can fill.
/// </summary>
public sealed class CryptoOrderTests : IDisposable
{
    // Saturday 7 March 2026, 10:00 in New York: the stock market is closed.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero));
    private readonly SandboxHost _host = new();
    private readonly HttpClient _paper;

    public CryptoOrderTests()
    {
        _host.WithSetting("Sandbox:Market:Hours", "Nyse").WithServices(s => s.AddSingleton<TimeProvider>(_time));
        _paper = _host.Trading(SandboxEnvironment.Paper, _host.Token());
    }

    [Fact]
    public async Task AGtcBuyFillsOnASaturdayAndPaysCash()
    {
        using var placed = await _paper.PostJsonAsync("v2/orders", """{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"market","time_in_force":"gtc"}""");
        var order = await placed.JsonAsync();
        _host.Control.ProcessNow();
        var filled = await (await _paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();
        var account = await (await _paper.GetAsync("v2/account")).JsonAsync();
        var clock = await (await _paper.GetAsync("v2/clock")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.False(clock.GetProperty("is_open").GetBoolean());
        Assert.Equal(("new", "crypto", AssetCatalog.BtcUsd), (order.Str("status"), order.Str("asset_class"), order.Str("symbol")));
        Assert.Equal(("filled", 60_001m, 0.01m), (filled.Str("status"), filled.Dec("filled_avg_price"), filled.Dec("filled_qty")));
        Assert.Equal(100_000m - 600.01m, account.Dec("cash"));
        Assert.Equal(account.Dec("buying_power"), account.Dec("non_marginable_buying_power"));
    }

    [Fact]
    public async Task ThePositionIsNamedWithoutTheSlashAndClosesByThatName()
    {
        await _paper.PostJsonAsync("v2/orders", """{"symbol":"BTCUSD","qty":"0.5","side":"buy","type":"limit","limit_price":"61000","time_in_force":"gtc"}""");
        _host.Control.ProcessNow();

        var positions = await (await _paper.GetAsync("v2/positions")).JsonAsync();
        using var bySlash = await _paper.GetAsync("v2/positions/BTC%2FUSD");
        var position = await (await _paper.GetAsync($"v2/positions/{AssetCatalog.BtcUsdPositionSymbol}")).JsonAsync();
        using var close = await _paper.DeleteAsync($"v2/positions/{AssetCatalog.BtcUsdPositionSymbol}");
        var closing = await close.JsonAsync();
        _host.Control.ProcessNow();
        using var afterwards = await _paper.GetAsync($"v2/positions/{AssetCatalog.BtcUsdPositionSymbol}");

        Assert.Equal(AssetCatalog.BtcUsdPositionSymbol, Assert.Single(positions.EnumerateArray()).Str("symbol"));
        await bySlash.AssertErrorAsync(404, 40410000, "position not found");
        Assert.Equal(("crypto", "CRYPTO", 0.5m), (position.Str("asset_class"), position.Str("exchange"), position.Dec("qty")));
        Assert.False(position.GetProperty("asset_marginable").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(("sell", "gtc", 0.5m), (closing.Str("side"), closing.Str("time_in_force"), closing.Dec("qty")));
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task ANotionalBuyFillsInWholeIncrementsOfThePair()
    {
        var order = await (await _paper.PostJsonAsync("v2/orders", """{"symbol":"ETH/USD","notional":"100","side":"buy","type":"market","time_in_force":"gtc"}""")).JsonAsync();
        _host.Control.ProcessNow();

        var filled = await (await _paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();

        Assert.Equal("filled", filled.Str("status"));
        Assert.Equal(0.033m, filled.Dec("filled_qty")); // 100 / 3000.1 = 0.03333…, floored to the 0.001 increment
    }

    [Fact]
    public async Task TheStreamReportsACryptoFillLikeAnEquityFill()
    {
        var token = _host.Token();
        await using var stream = await _host.StreamAsync(SandboxEnvironment.Paper);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();

        await _host.Trading(SandboxEnvironment.Paper, token).PostJsonAsync("v2/orders", """{"symbol":"BTC/USD","qty":"0.0002","side":"buy","type":"market","time_in_force":"ioc"}""");
        _host.Control.ProcessNow();
        var fill = await stream.NextEventAsync("fill");

        Assert.Equal((0.0002m, 0.0002m, 60_001m), (fill.Dec("qty"), fill.Dec("position_qty"), fill.Dec("price")));
        Assert.Equal((AssetCatalog.BtcUsd, "crypto"), (fill.GetProperty("order").Str("symbol"), fill.GetProperty("order").Str("asset_class")));
    }

    [Theory]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"market","time_in_force":"day"}""", "invalid crypto time_in_force day; crypto orders accept gtc or ioc")]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"limit","limit_price":"60000","time_in_force":"fok"}""", "invalid crypto time_in_force fok; crypto orders accept gtc or ioc")]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"stop","stop_price":"61000","time_in_force":"gtc"}""", "invalid crypto order type stop; crypto orders accept market, limit or stop_limit")]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.01","side":"sell","type":"trailing_stop","trail_percent":"1","time_in_force":"gtc"}""", "invalid crypto order type trailing_stop; crypto orders accept market, limit or stop_limit")]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.00005","side":"buy","type":"market","time_in_force":"gtc"}""", "qty 0.00005 is below the minimum order size 0.0001")]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.00015","side":"buy","type":"market","time_in_force":"gtc"}""", "qty 0.00015 is not a multiple of the minimum trade increment 0.0001")]
    [InlineData("""{"symbol":"ETH/USD","qty":"0.0015","side":"buy","type":"market","time_in_force":"gtc"}""", "qty 0.0015 is not a multiple of the minimum trade increment 0.001")]
    [InlineData("""{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"limit","limit_price":"60000.5","time_in_force":"gtc"}""", "invalid limit_price 60000.5. price increment is 1")]
    [InlineData("""{"symbol":"BTC/USD","notional":"100","side":"buy","type":"limit","limit_price":"60000","time_in_force":"gtc"}""", "notional orders must be market orders")]
    public async Task OrdersOutsideCryptosRulesAreRefused(string body, string message)
    {
        using var response = await _paper.PostJsonAsync("v2/orders", body);

        await response.AssertErrorAsync(422, 42210000, message);
    }

    [Fact]
    public async Task ADayLimitIsAcceptedWhenConfigured()
    {
        using var host = new SandboxHost();
        host.WithSetting("Sandbox:Orders:CryptoLimitDayAllowed", "true");
        var paper = host.Trading(SandboxEnvironment.Paper, host.Token());

        using var limit = await paper.PostJsonAsync("v2/orders", """{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"limit","limit_price":"50000","time_in_force":"day"}""");
        using var market = await paper.PostJsonAsync("v2/orders", """{"symbol":"BTC/USD","qty":"0.01","side":"buy","type":"market","time_in_force":"day"}""");

        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, market.StatusCode);
    }

    public void Dispose()
    {
        _paper.Dispose();
        _host.Dispose();
    }
}
