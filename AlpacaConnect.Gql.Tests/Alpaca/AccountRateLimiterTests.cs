using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Each account keeps under its per-minute budget on its own; one busy account never slows another.</summary>
public sealed class AccountRateLimiterTests : IDisposable
{
    private const int Budget = 190;

    private readonly AlpacaTestHost _host = new();

    [Fact]
    public async Task RapidCallsForOneAccountStayUnderTheBudgetWithoutBlockingAnother()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);
        var busy = _host.Trading(_host.Connect("busy-token"));
        var quiet = _host.Trading(_host.Connect("quiet-token"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 250).Select(async _ =>
        {
            try
            {
                await busy.GetClockAsync();
                return (TimeSpan?)null;
            }
            catch (AlpacaRateLimitedException e)
            {
                return e.RetryAfter;
            }
        }));
        await quiet.GetClockAsync();

        var sentForBusy = _host.Upstream.Received.Count(r => r.Header("Authorization") == "Bearer busy-token");
        Assert.Equal(Budget, sentForBusy);
        Assert.Equal(250 - Budget, outcomes.Count(o => o is not null));
        Assert.All(outcomes.Where(o => o is not null), retryAfter => Assert.Equal(TimeSpan.FromMinutes(1), retryAfter));
        Assert.Single(_host.Upstream.Received, r => r.Header("Authorization") == "Bearer quiet-token");
    }

    [Fact]
    public async Task BudgetComesBackAsTheWindowSlides()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);
        var trading = _host.Trading(_host.Connect());
        for (var i = 0; i < Budget; i++)
        {
            await trading.GetClockAsync();
        }

        await Assert.ThrowsAsync<AlpacaRateLimitedException>(() => trading.GetClockAsync());
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await trading.GetClockAsync();

        Assert.Equal(Budget + 1, _host.Upstream.Received.Count);
    }

    [Fact]
    public async Task RefusedCallIsNotSentAndNotAmbiguous()
    {
        var trading = _host.Trading(_host.Connect());
        _host.Upstream.OnJson("POST", "/sandbox/paper/v2/orders", AlpacaSamples.Order);
        for (var i = 0; i < Budget; i++)
        {
            await trading.CreateOrderAsync(ResponseParsingTests.NewOrder($"idem-{i}"));
        }

        var error = await Assert.ThrowsAsync<AlpacaRateLimitedException>(() => trading.CreateOrderAsync(ResponseParsingTests.NewOrder("idem-last")));

        Assert.False(error.IsAmbiguous);
        Assert.Equal(Budget, _host.Upstream.Received.Count);
    }

    [Fact]
    public async Task CallQueuesBrieflyWhenBudgetReturnsWithinTheQueueWait()
    {
        _host.Upstream.OnJson("GET", "/sandbox/paper/v2/clock", AlpacaSamples.Clock);
        var trading = _host.Trading(_host.Connect());
        var start = _host.Time.GetUtcNow();
        for (var i = 0; i < Budget; i++)
        {
            await trading.GetClockAsync();
        }

        _host.Time.Advance(TimeSpan.FromSeconds(59));
        var queued = trading.GetClockAsync();
        Assert.Equal(Budget, _host.Upstream.Received.Count);
        while (!queued.IsCompleted)
        {
            _host.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        await queued;
        Assert.True(_host.Upstream.Received[^1].At >= start.AddMinutes(1));
    }

    public void Dispose() => _host.Dispose();
}
