using AlpacaConnect.Gql.Tests.Trading.Reads;
using AlpacaConnect.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlpacaConnect.Gql.Tests.Market;

/// <summary>The asset list behind assets(search:) when Alpaca fails to give it again: the old list serves, and Alpaca is not asked on every search.</summary>
public sealed class AssetListRefreshTests : IDisposable
{
    private const string Search = """{ assets(search: "AAPL", first: 1) { edges { node { symbol } } } }""";

    // App-user JWTs are checked against the real clock, so the fake starts there.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ReadsHost _host = new();

    public AssetListRefreshTests() =>
        // No retry delays: they would wait on the fake clock.
        _host.WithServices(services => services.AddSingleton<TimeProvider>(_time)).WithSetting("Alpaca:Resilience:MaxRetryAttempts", "0");

    [Fact]
    public async Task AFailedRefreshServesTheOldListAndIsTriedAgainOnlyAfterAPause()
    {
        await _host.ConnectAsync("app-alice", "alice");
        await SearchAsync();
        var loaded = _host.Upstream("GET /v2/assets");
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        _host.Control.AddFault(new FaultRule { Route = "GET /v2/assets", Kind = FaultKind.ServerError, Status = 503, Count = null });

        await SearchAsync();
        var afterFailedRefresh = _host.Upstream("GET /v2/assets");
        await SearchAsync();
        await SearchAsync();
        var afterMoreSearches = _host.Upstream("GET /v2/assets");
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await SearchAsync();

        Assert.True(afterFailedRefresh > loaded, "the expired list is read again once");
        Assert.Equal(afterFailedRefresh, afterMoreSearches);
        Assert.True(_host.Upstream("GET /v2/assets") > afterMoreSearches, "after the pause a search tries again");
    }

    public void Dispose() => _host.Dispose();

    private async Task SearchAsync()
    {
        var response = await _host.QueryAsync("app-alice", Search);
        Assert.Empty(response.Errors);
        Assert.Equal("AAPL", response.Data.GetProperty("assets").GetProperty("edges")[0].GetProperty("node").GetProperty("symbol").GetString());
    }
}
