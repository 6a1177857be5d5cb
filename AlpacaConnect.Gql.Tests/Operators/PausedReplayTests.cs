using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Orders;

namespace AlpacaConnect.Gql.Tests.Operators;

/// <summary>
/// A retry of an unsettled order while trading is paused: looked up at Alpaca (no money moves), never sent again until
/// the pause is lifted (decision 0024).
/// </summary>
public sealed class PausedReplayTests : IDisposable
{
    private readonly OrderDriver _driver = new();
    private readonly OperatorApi _operator;

    public PausedReplayTests()
    {
        _operator = OperatorApi.On(_driver);
    }

    public void Dispose()
    {
        _operator.Dispose();
        _driver.Dispose();
    }

    private int Lookups => _driver.Host.Control.Requests.Count(r => r.Route == "GET /v2/orders:by_client_order_id");

    [Fact]
    public async Task APausedReplayIsLookedUpButNotSentAgain()
    {
        await _driver.ConnectAsync();
        // Every POST fails ambiguously and reaches nothing: the order stays UNKNOWN, Alpaca holds none.
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.ServerError, Status = 504, Count = null });
        var first = await _driver.PlaceAsync(OrderDriver.MarketBuy("replayed-1"));
        _driver.Host.Control.ClearFaults();
        Assert.Contains("ORDER_STATE_UNKNOWN", OrderDriver.Codes(first));
        var posts = _driver.OrderPosts;
        var lookups = Lookups;

        await _operator.PauseAsync("ALL");
        var paused = await _driver.PlaceAsync(OrderDriver.MarketBuy("replayed-1"));

        Assert.Equal(["TRADING_PAUSED"], OrderDriver.Codes(paused));
        Assert.Equal(OrderDriver.Order(first).GetProperty("id").GetString(), OrderDriver.Order(paused).GetProperty("id").GetString());
        Assert.Equal(posts, _driver.OrderPosts);
        Assert.True(Lookups > lookups, "the paused replay did not look the order up");
        Assert.Empty(await _driver.SandboxOrdersAsync());

        await _operator.ResumeAsync("ALL");
        var resumed = await _driver.PlaceAsync(OrderDriver.MarketBuy("replayed-1"));

        Assert.Empty(OrderDriver.Codes(resumed));
        Assert.Single(await _driver.SandboxOrdersAsync());
    }
}
