using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>How the matching engine works each order type against the seeded prices.</summary>
public sealed class OrderTypeTests : IClassFixture<SandboxHost>
{
    private readonly SandboxHost _host;
    private readonly HttpClient _paper;

    public OrderTypeTests(SandboxHost host)
    {
        _host = host;
        host.Control.Reset();
        _paper = host.Trading(SandboxEnvironment.Paper, host.Token());
        host.Control.SetPrice("TSLA", 100m);
    }

    [Fact]
    public async Task AStopOrderWaitsUntilThePriceCrossesItsStop()
    {
        var id = await PlaceAsync("""{"symbol":"TSLA","qty":"1","side":"buy","type":"stop","stop_price":"105","time_in_force":"gtc"}""");

        var untouched = await StatusAfterProcessingAsync(id);
        _host.Control.SetPrice("TSLA", 105m);

        Assert.Equal("new", untouched);
        Assert.Equal("filled", await StatusAfterProcessingAsync(id));
    }

    [Fact]
    public async Task ATrailingStopFollowsTheHighAndSellsOnThePullback()
    {
        await BuyAsync("TSLA", "2");
        var id = await PlaceAsync("""{"symbol":"TSLA","qty":"2","side":"sell","type":"trailing_stop","trail_price":"5","time_in_force":"gtc"}""");
        _host.Control.ProcessNow();
        _host.Control.SetPrice("TSLA", 120m);
        _host.Control.ProcessNow();
        var trailing = await (await _paper.GetAsync($"v2/orders/{id}")).JsonAsync();

        _host.Control.SetPrice("TSLA", 114.99m);

        Assert.Equal(120m, trailing.Dec("hwm"));
        Assert.Equal(115m, trailing.Dec("stop_price"));
        Assert.Equal("filled", await StatusAfterProcessingAsync(id));
    }

    [Fact]
    public async Task InAnOcoPairTheFillOfOneExitCancelsTheOther()
    {
        await BuyAsync("TSLA", "3");
        var oco = await (await _paper.PostJsonAsync("v2/orders",
            """{"symbol":"TSLA","qty":"3","side":"sell","type":"limit","limit_price":"110","time_in_force":"gtc","order_class":"oco","take_profit":{"limit_price":"110"},"stop_loss":{"stop_price":"95"}}""")).JsonAsync();
        var stopLoss = oco.GetProperty("legs")[0].Str("id");

        _host.Control.SetPrice("TSLA", 94m);

        Assert.Equal("filled", await StatusAfterProcessingAsync(stopLoss));
        Assert.Equal("canceled", await StatusAfterProcessingAsync(oco.Str("id")));
    }

    [Fact]
    public async Task AnUnmarketableIocOrderIsCanceled()
    {
        var id = await PlaceAsync("""{"symbol":"TSLA","qty":"1","side":"buy","type":"limit","limit_price":"90","time_in_force":"ioc"}""");

        Assert.Equal("canceled", await StatusAfterProcessingAsync(id));
    }

    private async Task BuyAsync(string symbol, string qty)
    {
        await PlaceAsync($$"""{"symbol":"{{symbol}}","qty":"{{qty}}","side":"buy","type":"market","time_in_force":"day"}""");
        _host.Control.ProcessNow();
    }

    private async Task<string> PlaceAsync(string body)
    {
        using var response = await _paper.PostJsonAsync("v2/orders", body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).Str("id");
    }

    private async Task<string> StatusAfterProcessingAsync(string id)
    {
        _host.Control.ProcessNow();
        return (await (await _paper.GetAsync($"v2/orders/{id}")).JsonAsync()).Str("status");
    }
}

/// <summary>Alpaca's paper simulator fills partially now and then; the sandbox does so when configured.</summary>
public sealed class PartialFillHost : SandboxHost
{
    public PartialFillHost() => WithSetting("Sandbox:Market:PartialFillProbability", "1");
}

public sealed class PartialFillTests(PartialFillHost host) : IClassFixture<PartialFillHost>
{
    [Fact]
    public async Task WithPartialFillsOnAnOrderFillsInSeveralExecutions()
    {
        host.Control.Reset();
        var token = host.Token();
        await using var stream = await host.StreamAsync(SandboxEnvironment.Paper);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();
        var order = await (await host.Trading(SandboxEnvironment.Paper, token).PostJsonAsync("v2/orders",
            """{"symbol":"AAPL","qty":"100","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync();

        host.Control.ProcessNow();
        var partial = await stream.NextEventAsync("partial_fill");
        for (var i = 0; i < 100; i++)
        {
            host.Control.ProcessNow(); // each pass fills at least one share, so 100 passes finish any 100-share order
        }

        var fill = await stream.NextEventAsync("fill");
        Assert.Equal("partially_filled", partial.GetProperty("order").Str("status"));
        Assert.InRange(partial.Dec("qty"), 1m, 99m);
        Assert.Equal(order.Str("id"), fill.GetProperty("order").Str("id"));
        Assert.Equal(100m, fill.GetProperty("order").Dec("filled_qty"));
    }
}
