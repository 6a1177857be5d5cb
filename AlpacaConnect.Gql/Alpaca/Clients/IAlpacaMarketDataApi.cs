using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Wire;
using Refit;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>Market Data API v2 on the data host (facts 5), called with the connection's token.</summary>
internal interface IAlpacaMarketDataApi
{
    private const string Connection = AlpacaRequestOptions.ConnectionIdKey;

    [Get("/v2/stocks/{symbol}/quotes/latest")]
    Task<LatestQuoteWire> GetLatestQuoteAsync([Property(Connection)] Guid connectionId, string symbol, string? feed, CancellationToken cancellationToken);

    [Get("/v2/stocks/{symbol}/trades/latest")]
    Task<LatestTradeWire> GetLatestTradeAsync([Property(Connection)] Guid connectionId, string symbol, string? feed, CancellationToken cancellationToken);
}
