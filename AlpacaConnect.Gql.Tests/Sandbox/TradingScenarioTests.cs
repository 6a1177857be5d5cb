using System.Net;
using AlpacaConnect.Sandbox;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>The sandbox at its default speed (fills after 50 ms on the real clock), driven only over HTTP and WebSocket.</summary>
public sealed class ScenarioHost : SandboxHost
{
    public ScenarioHost() => WithSetting("Sandbox:Market:FillDelay", "00:00:00.050");
}

public sealed class TradingScenarioTests(ScenarioHost host) : IClassFixture<ScenarioHost>
{
    [Fact]
    public async Task ApprovingBuyingAndSellingAtALimitRoundTripsThroughTheStream()
    {
        using var control = host.Http();
        await control.PutAsync($"{SandboxPaths.Control}/prices/AAPL", new StringContent("""{"price":"190"}""", System.Text.Encoding.UTF8, "application/json"));

        // Approve on the consent page, exchange the code.
        var code = (await host.ApproveAsync(user: "carol", scope: "account:write trading data")).Query("code");
        using var exchange = await host.ExchangeAsync(code);
        var token = (await exchange.JsonAsync()).Str("access_token");
        var paper = host.Trading(SandboxEnvironment.Paper, token);
        await using var stream = await host.StreamAsync(SandboxEnvironment.Paper);
        await stream.AuthenticateAsync(token);
        await stream.ListenAsync();
        var account = await (await paper.GetAsync("v2/account")).JsonAsync();
        Assert.Equal(100000m, account.Dec("cash"));

        // A market buy fills at the ask; the position appears and cash falls.
        var buy = await (await paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"10","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync();
        var bought = await stream.NextEventAsync("fill", buy.Str("id"));
        Assert.Equal(190.01m, bought.Dec("price"));
        var position = await (await paper.GetAsync("v2/positions/AAPL")).JsonAsync();
        Assert.Equal(10m, position.Dec("qty"));
        Assert.Equal(100000m - 1900.1m, (await (await paper.GetAsync("v2/account")).JsonAsync()).Dec("cash"));

        // A limit sell rests above the market until the price moves through it.
        var sell = await (await paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"10","side":"sell","type":"limit","limit_price":"195","time_in_force":"gtc"}""")).JsonAsync();
        await stream.NextEventAsync("new", sell.Str("id"));
        Assert.Equal("new", (await (await paper.GetAsync($"v2/orders/{sell.Str("id")}")).JsonAsync()).Str("status"));
        using var move = await control.PutAsync($"{SandboxPaths.Control}/prices/AAPL", new StringContent("""{"price":"196"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);

        var sold = await stream.NextEventAsync("fill", sell.Str("id"));
        Assert.Equal(195.99m, sold.Dec("price"));
        Assert.Equal(0m, sold.Dec("position_qty"));
        using var closed = await paper.GetAsync("v2/positions/AAPL");
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(100000m - 1900.1m + 1959.9m, (await (await paper.GetAsync("v2/account")).JsonAsync()).Dec("cash"));
    }
}
