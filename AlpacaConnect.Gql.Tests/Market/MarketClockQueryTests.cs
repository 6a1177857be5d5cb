using AlpacaConnect.Gql.Tests.Trading.Reads;

namespace AlpacaConnect.Gql.Tests.Market;

public sealed class MarketClockQueryTests : IDisposable
{
    private readonly ReadsHost _host = new();

    [Fact]
    public async Task TheMarketClockIsAlpacasWithItsOffset()
    {
        await _host.ConnectAsync("app-alice", "alice"); // the sandbox's market is always open by default
        var before = _host.Upstream("GET /v2/clock");

        var response = await _host.QueryAsync("app-alice", "{ marketClock { isOpen timestamp nextOpen nextClose } again: marketClock { isOpen } }");

        Assert.Empty(response.Errors);
        var clock = response.Data.GetProperty("marketClock");
        Assert.True(clock.GetProperty("isOpen").GetBoolean());
        foreach (var instant in new[] { "timestamp", "nextOpen", "nextClose" })
        {
            Assert.True(DateTimeOffset.TryParse(clock.GetProperty(instant).GetString(), System.Globalization.CultureInfo.InvariantCulture, out _), instant);
        }

        Assert.True(response.Data.GetProperty("again").GetProperty("isOpen").GetBoolean());
        Assert.Equal(1, _host.Upstream("GET /v2/clock") - before);
    }

    public void Dispose() => _host.Dispose();
}
