using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Wire;
using Refit;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>
/// Market Data API on the data host (facts 5, facts-more 4), called with the connection's token. Crypto needs no
/// authentication (facts-more 4.1), but a token does no harm and keeps one pipeline.
/// </summary>
internal interface IAlpacaMarketDataApi
{
    private const string Connection = AlpacaRequestOptions.ConnectionIdKey;

    [Get("/v2/stocks/{symbol}/quotes/latest")]
    Task<LatestQuoteWire> GetLatestQuoteAsync([Property(Connection)] Guid connectionId, string symbol, string? feed, CancellationToken cancellationToken);

    [Get("/v2/stocks/{symbol}/trades/latest")]
    Task<LatestTradeWire> GetLatestTradeAsync([Property(Connection)] Guid connectionId, string symbol, string? feed, CancellationToken cancellationToken);

    [Get("/v1beta1/options/quotes/latest")]
    Task<LatestQuotesWire> GetLatestOptionQuotesAsync([Property(Connection)] Guid connectionId, string symbols, CancellationToken cancellationToken);

    [Get("/v1beta3/crypto/us/latest/quotes")]
    Task<LatestQuotesWire> GetLatestCryptoQuotesAsync([Property(Connection)] Guid connectionId, string symbols, CancellationToken cancellationToken);

    // The stock answer is the symbol map itself, with no wrapper (facts-more 4.4).
    [Get("/v2/stocks/snapshots")]
    Task<Dictionary<string, SnapshotWire?>> GetStockSnapshotsAsync(
        [Property(Connection)] Guid connectionId, string symbols, string? feed, CancellationToken cancellationToken);

    [Get("/v1beta3/crypto/us/snapshots")]
    Task<CryptoSnapshotsWire> GetCryptoSnapshotsAsync([Property(Connection)] Guid connectionId, string symbols, CancellationToken cancellationToken);

    [Get("/v2/stocks/{symbol}/bars")]
    Task<BarsPageWire> GetStockBarsAsync(
        [Property(Connection)] Guid connectionId, string symbol, string timeframe, string start, string? end, int limit, string? feed,
        [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);
}
