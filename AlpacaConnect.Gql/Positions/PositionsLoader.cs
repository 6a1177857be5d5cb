using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Positions;

/// <summary>
/// <c>GET /v2/positions</c>, once per request and reused for <see cref="ReadCacheOptions.PositionsTtl"/>. It answers
/// <c>position(symbol)</c> too, so any number of position fields in a request cost one call and agree with each other.
/// </summary>
internal sealed class PositionsLoader(IAlpacaClientFactory clients, ConnectionReadCache cache, IOptions<ReadCacheOptions> options)
    : ConnectionReadLoader<IReadOnlyList<AlpacaPosition>>(clients, cache, ReadKinds.Positions)
{
    protected override TimeSpan Ttl => options.Value.PositionsTtl;

    protected override Task<IReadOnlyList<AlpacaPosition>> ReadAsync(IAlpacaTradingClient client) => client.ListPositionsAsync();
}
