using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// Alpaca's Trading API and latest market data for one connection (from <see cref="IAlpacaClientFactory"/>). Every
/// failure is an <see cref="AlpacaApiException"/>. Only reads are retried; after an ambiguous
/// <see cref="CreateOrderAsync"/> failure, look the order up with <see cref="GetOrderByClientOrderIdAsync"/>.
/// </summary>
internal interface IAlpacaTradingClient
{
    AlpacaConnectionRef Connection { get; }

    Task<AlpacaAccount> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/orders</c>, sent exactly once.</summary>
    Task<AlpacaOrder> CreateOrderAsync(AlpacaNewOrder order, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlpacaOrder>> ListOrdersAsync(AlpacaOrderQuery? query = null, CancellationToken cancellationToken = default);

    Task<AlpacaOrder> GetOrderAsync(Guid orderId, bool nested = false, CancellationToken cancellationToken = default);

    /// <summary>The order with this client order id; <see cref="AlpacaErrorKind.NotFound"/> when Alpaca never accepted it.</summary>
    Task<AlpacaOrder> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The order's executions, oldest first, from its FILL account activities (<c>GET /v2/account/activities/FILL</c>
    /// with <c>order_id</c>), every page up to <paramref name="maxPages"/> of 100.
    /// </summary>
    Task<IReadOnlyList<AlpacaFillActivity>> ListFillActivitiesAsync(Guid orderId, int maxPages, CancellationToken cancellationToken = default);

    /// <summary>Returns the new (replacing) order.</summary>
    Task<AlpacaOrder> ReplaceOrderAsync(Guid orderId, AlpacaReplaceOrder replace, CancellationToken cancellationToken = default);

    /// <summary>Requests cancellation (204): the order is cancelled only when it reports Canceled.</summary>
    Task CancelOrderAsync(Guid orderId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlpacaCancelOrderResult>> CancelAllOrdersAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlpacaPosition>> ListPositionsAsync(CancellationToken cancellationToken = default);

    Task<AlpacaPosition> GetPositionAsync(string symbolOrAssetId, CancellationToken cancellationToken = default);

    /// <summary>Liquidates all of a position, or <paramref name="qty"/> shares, or <paramref name="percentage"/> percent of it; returns the closing order.</summary>
    Task<AlpacaOrder> ClosePositionAsync(string symbolOrAssetId, decimal? qty = null, decimal? percentage = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AlpacaClosePositionResult>> CloseAllPositionsAsync(bool cancelOrders = false, CancellationToken cancellationToken = default);

    Task<AlpacaClock> GetClockAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v2/assets/{symbol_or_asset_id}</c>: a symbol, asset id or CUSIP; for crypto <c>BTC/USD</c> (sent as one
    /// escaped segment) or <c>BTCUSD</c>. Whether it answers option symbols is UNVERIFIED: use
    /// <see cref="GetOptionContractAsync"/> for those.
    /// </summary>
    Task<AlpacaAsset> GetAssetAsync(string symbolOrAssetId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/options/contracts/{symbol_or_id}</c> on the trading host: an OCC symbol or a contract id.</summary>
    Task<AlpacaOptionContract> GetOptionContractAsync(string symbolOrId, CancellationToken cancellationToken = default);

    /// <summary>Latest quote from the data host; <paramref name="feed"/> <c>iex</c> (free plans' default), <c>sip</c> or <c>otc</c>.</summary>
    Task<AlpacaQuote> GetLatestQuoteAsync(string symbol, string? feed = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1beta1/options/quotes/latest</c> on the data host (feed left to Alpaca: <c>opra</c> with a subscription,
    /// otherwise <c>indicative</c>); <see cref="AlpacaErrorKind.NotFound"/> when the answer leaves the symbol out.
    /// </summary>
    Task<AlpacaQuote> GetLatestOptionQuoteAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1beta3/crypto/us/latest/quotes</c> for a slash symbol such as <c>BTC/USD</c> (the data host refuses
    /// <c>BTCUSD</c>, facts-more 3.3); sizes are fractional. <see cref="AlpacaErrorKind.NotFound"/> when left out.
    /// </summary>
    Task<AlpacaQuote> GetLatestCryptoQuoteAsync(string symbol, CancellationToken cancellationToken = default);

    Task<AlpacaTrade> GetLatestTradeAsync(string symbol, string? feed = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/assets?status=active&amp;asset_class=…</c>: every active asset of the class, in one answer.</summary>
    Task<IReadOnlyList<AlpacaAsset>> ListActiveAssetsAsync(string assetClass, CancellationToken cancellationToken = default);

    /// <summary>
    /// Snapshots from the data host: stocks from <c>/v2/stocks/snapshots</c> with <paramref name="feed"/>, crypto pairs
    /// (slash form) from <c>/v1beta3/crypto/us/snapshots</c>. Symbols Alpaca leaves out are absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, AlpacaSnapshot>> GetSnapshotsAsync(
        IReadOnlyCollection<string> symbols, bool crypto, string? feed, CancellationToken cancellationToken = default);

    /// <summary>One page of a stock's bars (<c>GET /v2/stocks/{symbol}/bars</c>); <paramref name="timeframe"/> in Alpaca's words, e.g. <c>15Min</c>.</summary>
    Task<AlpacaBarsPage> GetStockBarsAsync(
        string symbol, string timeframe, DateTimeOffset start, DateTimeOffset? end, int limit, string? feed, string? pageToken,
        CancellationToken cancellationToken = default);
}
