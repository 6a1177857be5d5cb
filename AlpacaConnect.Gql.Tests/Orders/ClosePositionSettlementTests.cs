using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Issue 13, "closePosition is a second, weaker path": its idempotency key is required, one key closes once even when
/// two calls race, and an ambiguous close reaches a final status without another call: Alpaca's, once reconciliation
/// finds the closing order, or EXPIRED after <c>Orders:IntentExpiry</c> when the DELETE never arrived.
/// </summary>
public sealed class ClosePositionSettlementTests
{
    private const string ClosingRoute = "DELETE /v2/positions/{symbol}";

    // The whole position: today's rules want qty or percentage; Alpaca's bare DELETE would close it all as well.
    private static readonly object CloseAll = new { symbol = "AAPL", percentage = "100", idempotencyKey = "close-1" };

    private static int Deletes(OrderDriver driver) => driver.Host.Control.Requests.Count(r => r.Route == ClosingRoute);

    /// <summary>Two AAPL held (a market buy, filled).</summary>
    private static async Task HoldTwoAsync(OrderDriver driver)
    {
        await driver.ConnectAsync();
        Assert.Empty(OrderDriver.Codes(await driver.PlaceAsync(OrderDriver.MarketBuy("entry", qty: "2"))));
        driver.Host.Control.ProcessNow();
    }

    private static async Task<JsonElement?> SandboxPositionAsync(OrderDriver driver)
    {
        using var trading = driver.Host.Trading(SandboxEnvironment.Paper, driver.Host.Token(user: "alice"));
        using var response = await trading.GetAsync("v2/positions/AAPL");
        return response.IsSuccessStatusCode ? await response.JsonAsync() : null;
    }

    [Fact]
    public async Task ClosingTwiceInARowWithOneKeyClosesOnce()
    {
        using var driver = new OrderDriver();
        await HoldTwoAsync(driver);

        var first = await PipelineQueries.CloseAsync(driver, CloseAll);
        var again = await PipelineQueries.CloseAsync(driver, CloseAll);

        Assert.Empty(OrderDriver.Codes(first));
        Assert.Empty(OrderDriver.Codes(again));
        Assert.Equal(OrderDriver.Order(first).Str("id"), OrderDriver.Order(again).Str("id"));
        Assert.Equal(1, Deletes(driver));
    }

    [Fact]
    public async Task ClosingTwiceAtOnceWithOneKeyClosesOnce()
    {
        using var driver = new OrderDriver();
        await HoldTwoAsync(driver);

        var both = await Task.WhenAll(PipelineQueries.CloseAsync(driver, CloseAll), PipelineQueries.CloseAsync(driver, CloseAll));

        Assert.All(both, p => Assert.Empty(OrderDriver.Codes(p)));
        Assert.Equal(OrderDriver.Order(both[0]).Str("id"), OrderDriver.Order(both[1]).Str("id"));
        Assert.Equal(1, Deletes(driver));
    }

    [Fact]
    public async Task AClosePositionWithoutAnIdempotencyKeyIsAValidationErrorAndClosesNothing()
    {
        using var driver = new OrderDriver();
        await HoldTwoAsync(driver);

        var response = await driver.GraphQLAsync("app-alice", PipelineQueries.Close, new { input = new { symbol = "AAPL", percentage = "100" } });

        Assert.True(Deletes(driver) == 0, $"closed without a key: {response.Raw}");
        Assert.Equal(["VALIDATION_FAILED"], response.ErrorCodes);
    }

    [Fact]
    public async Task AnAmbiguousCloseThatAlpacaTookSettlesToAlpacasStatusWithoutAnotherCall()
    {
        using var driver = new OrderDriver();
        await HoldTwoAsync(driver);
        driver.Host.Control.AddFault(new FaultRule { Route = ClosingRoute, Kind = FaultKind.LoseResponse, Status = 504 });

        var unknown = await PipelineQueries.CloseAsync(driver, CloseAll);
        Assert.Equal(["ORDER_STATE_UNKNOWN"], OrderDriver.Codes(unknown));
        var closing = Assert.Single(await driver.SandboxOrdersAsync(), o => o.Str("side") == "sell");
        driver.Host.Control.ProcessNow();

        var settled = await PipelineQueries.EventuallyAsync(driver, OrderDriver.Order(unknown).Str("id"), "FILLED");
        Assert.Equal(closing.Str("id"), settled.GetProperty("alpacaOrderId").GetString());
        Assert.Equal(1, Deletes(driver));
    }

    [Fact]
    public async Task AnAmbiguousCloseThatNeverArrivedExpiresAndThePositionIsStillHeld()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
        using var driver = new OrderDriver(host => host
            .WithSetting("Orders:IntentExpiry", "00:02:00")
            .WithServices(services => services.AddSingleton<TimeProvider>(time)));
        await HoldTwoAsync(driver);
        driver.Host.Control.AddFault(new FaultRule { Route = ClosingRoute, Kind = FaultKind.ServerError, Status = 504 });

        var unknown = await PipelineQueries.CloseAsync(driver, CloseAll);
        Assert.Equal(["ORDER_STATE_UNKNOWN"], OrderDriver.Codes(unknown));
        time.Advance(TimeSpan.FromMinutes(3));

        await PipelineQueries.EventuallyAsync(driver, OrderDriver.Order(unknown).Str("id"), "EXPIRED");
        var position = await SandboxPositionAsync(driver);
        Assert.Equal("2", position?.Str("qty"));
        Assert.Equal(1, Deletes(driver));
    }
}
