using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Market;

/// <summary><c>GET /v2/clock</c>, once per request and shared with overlapping requests (<see cref="ReadCacheOptions.ClockTtl"/>).</summary>
internal sealed class MarketClockLoader(IAlpacaClientFactory clients, ConnectionReadCache cache, IOptions<ReadCacheOptions> options)
    : ConnectionReadLoader<AlpacaClock>(clients, cache, ReadKinds.Clock)
{
    protected override TimeSpan Ttl => options.Value.ClockTtl;

    protected override Task<AlpacaClock> ReadAsync(IAlpacaTradingClient client) => client.GetClockAsync();
}
