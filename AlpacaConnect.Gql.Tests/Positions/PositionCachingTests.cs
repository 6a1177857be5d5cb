using AlpacaConnect.Gql.Tests.Trading.Reads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Positions;

/// <summary>Reads across requests on a controlled clock: reused for the configured time, then read again.</summary>
public sealed class PositionCachingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow()); // app-user JWTs are checked against the real clock
    private readonly ReadsHost _host = new();

    public PositionCachingTests()
    {
        _host.WithSetting("Trading:Cache:PositionsTtl", "00:00:05")
            .WithServices(services => services.AddSingleton<TimeProvider>(_time));
    }

    [Fact]
    public async Task PositionsAreReusedForTheirTimeToLiveThenReadAgain()
    {
        await _host.ConnectAsync("app-alice", "alice");
        var before = _host.Upstream("GET /v2/positions");
        var empty = await _host.QueryAsync("app-alice", "{ positions { symbol } }");
        await _host.BuyAndFillAsync("alice", "AAPL", 1m, 100m);

        var reused = await _host.QueryAsync("app-alice", "{ positions { symbol } }");
        _time.Advance(TimeSpan.FromSeconds(5));
        var fresh = await _host.QueryAsync("app-alice", "{ positions { symbol } }");

        Assert.Equal(0, empty.Data.GetProperty("positions").GetArrayLength());
        Assert.Equal(0, reused.Data.GetProperty("positions").GetArrayLength());
        Assert.Equal("AAPL", fresh.Data.GetProperty("positions")[0].GetProperty("symbol").GetString());
        Assert.Equal(2, _host.Upstream("GET /v2/positions") - before);
    }

    [Fact]
    public async Task ReconnectingForgetsWhatWasReadThroughTheOldLink()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await _host.BuyAndFillAsync("alice", "AAPL", 1m, 100m);
        Assert.Equal(1, (await _host.QueryAsync("app-alice", "{ positions { symbol } }")).Data.GetProperty("positions").GetArrayLength());

        await _host.ConnectAsync("app-alice", "carol"); // the same app user now links another Alpaca account

        var positions = await _host.QueryAsync("app-alice", "{ positions { symbol } account { accountNumber } }");
        Assert.Equal(0, positions.Data.GetProperty("positions").GetArrayLength());
        Assert.Equal("PA3CAROL0003", positions.Data.GetProperty("account").GetProperty("accountNumber").GetString());
    }

    public void Dispose() => _host.Dispose();
}
