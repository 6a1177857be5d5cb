using System.Text.Json;
using AlpacaConnect.Sandbox.Faults;
using AlpacaConnect.Gql.Tests.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// Issue 13, "late intents are sent late": an intent Alpaca never confirmed expires after <c>Orders:IntentExpiry</c>
/// (two minutes here) to EXPIRED, and its replay is refused with ORDER_INTENT_EXPIRED instead of becoming a market
/// order minutes or days late. Time is a <see cref="FakeTimeProvider"/>; the stream is off so the log holds only
/// what placement sent.
/// </summary>
public sealed class IntentExpiryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
    private readonly OrderDriver _driver;

    public IntentExpiryTests() => _driver = new OrderDriver(host => host
        .WithSetting("Streaming:Mode", "Off")
        .WithSetting("Orders:IntentExpiry", "00:02:00")
        .WithServices(services => services.AddSingleton<TimeProvider>(_time)));

    public void Dispose() => _driver.Dispose();

    /// <summary>
    /// Both POSTs answered 504 without reaching the sandbox's order book (the lookup between them found nothing): UNKNOWN.
    /// No 5xx on the lookup: its retries would wait on the fake clock.
    /// </summary>
    private async Task<JsonElement> UnknownAsync(object input)
    {
        _driver.Host.Control.AddFault(new FaultRule { Route = "POST /v2/orders", Kind = FaultKind.ServerError, Status = 504, Count = 2 });
        var unknown = await _driver.PlaceAsync(input);
        Assert.Equal(["ORDER_STATE_UNKNOWN"], OrderDriver.Codes(unknown));
        _driver.Host.Control.ClearFaults();
        return unknown;
    }

    [Fact]
    public async Task AnExpiredIntentsReplayIsRefusedAndSendsNothing()
    {
        await _driver.ConnectAsync();
        var input = OrderDriver.MarketBuy("late-1");
        var id = OrderDriver.Order(await UnknownAsync(input)).Str("id");
        _time.Advance(TimeSpan.FromMinutes(3));
        _driver.Host.Control.ClearRequests();

        var replayed = await _driver.PlaceAsync(input);

        Assert.True(_driver.OrderPosts == 0, $"POST /v2/orders was sent {_driver.OrderPosts} time(s) after the intent expired; answered {replayed}");
        Assert.Empty(await _driver.SandboxOrdersAsync());
        Assert.Equal(("OrderIntentExpiredError", "ORDER_INTENT_EXPIRED"), (OrderDriver.Error(replayed).Str("__typename"), OrderDriver.Error(replayed).Str("code")));
        Assert.Equal("EXPIRED", (await PipelineQueries.OrderAsync(_driver, id)).Str("status"));
    }

    [Fact]
    public async Task TheExpiredRefusalNamesTheOrderAndItsStatus()
    {
        await _driver.ConnectAsync();
        var input = OrderDriver.MarketBuy("late-2");
        var id = OrderDriver.Order(await UnknownAsync(input)).Str("id");
        _time.Advance(TimeSpan.FromMinutes(3));
        _driver.Host.Control.ClearRequests();

        var replayed = await PipelineQueries.PlaceAsync(_driver, input);

        var error = OrderDriver.Error(replayed);
        Assert.Equal(("ORDER_INTENT_EXPIRED", id), (error.Str("code"), error.Str("orderId")));
        Assert.Equal("EXPIRED", OrderDriver.Order(replayed).Str("status"));
        Assert.Equal(0, _driver.OrderPosts);
    }

    [Fact]
    public async Task AnIntentReplayedWithinTheWindowIsStillSettled()
    {
        // The bound must not refuse a prompt retry: within two minutes the replay looks the order up and sends it once.
        await _driver.ConnectAsync();
        var input = OrderDriver.MarketBuy("prompt-1");
        var id = OrderDriver.Order(await UnknownAsync(input)).Str("id");
        _time.Advance(TimeSpan.FromMinutes(1));

        var replayed = await _driver.PlaceAsync(input);

        Assert.Empty(OrderDriver.Codes(replayed));
        Assert.Equal(id, OrderDriver.Order(replayed).Str("id"));
        Assert.Single(await _driver.SandboxOrdersAsync());
    }
}
