using AlpacaConnect.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>NYSE hours on a fake clock: the engine's timer runs on the injected TimeProvider, so no test sleeps.</summary>
public sealed class MarketHoursTests : IDisposable
{
    // Saturday 7 March 2026, 10:00 in New York; US daylight saving starts the next day.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero));
    private readonly SandboxHost _host = new();

    public MarketHoursTests() => _host
        .WithSetting("Sandbox:Market:Hours", "Nyse")
        .WithSetting("Sandbox:Market:FillDelay", "00:00:01")
        .WithSetting("Sandbox:Market:PassInterval", "00:30:00")
        .WithServices(s => s.AddSingleton<TimeProvider>(_time));

    [Fact]
    public async Task AnOrderPlacedWhileClosedIsAcceptedAndFillsAfterTheOpen()
    {
        var paper = _host.Trading(SandboxEnvironment.Paper, _host.Token());
        var clock = await (await paper.GetAsync("v2/clock")).JsonAsync();
        var order = await (await paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day"}""")).JsonAsync();

        _time.Advance(new DateTimeOffset(2026, 3, 9, 13, 30, 0, TimeSpan.Zero) - _time.GetUtcNow()); // Monday 9:30 EDT
        var atOpen = await (await paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();
        _time.Advance(TimeSpan.FromMinutes(30));
        var later = await (await paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();

        Assert.False(clock.GetProperty("is_open").GetBoolean());
        Assert.Equal("2026-03-07T10:00:00.0000000-05:00", clock.Str("timestamp"));
        Assert.Equal("2026-03-09T09:30:00-04:00", clock.Str("next_open"));
        Assert.Equal("accepted", order.Str("status"));
        Assert.Equal("new", atOpen.Str("status"));
        Assert.Equal("filled", later.Str("status"));
    }

    [Fact]
    public async Task ADayOrderThatDoesNotFillExpiresAtTheClose()
    {
        _time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(-1)); // Monday 10:00 EDT
        var paper = _host.Trading(SandboxEnvironment.Paper, _host.Token());
        var order = await (await paper.PostJsonAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"100","time_in_force":"day"}""")).JsonAsync();

        _time.Advance(TimeSpan.FromHours(6)); // 16:00 EDT
        var closed = await (await paper.GetAsync($"v2/orders/{order.Str("id")}")).JsonAsync();

        Assert.Equal("new", order.Str("status"));
        Assert.Equal("2026-03-09T20:00:00.0000000Z", order.Str("expires_at"));
        Assert.Equal("expired", closed.Str("status"));
    }

    public void Dispose() => _host.Dispose();
}
