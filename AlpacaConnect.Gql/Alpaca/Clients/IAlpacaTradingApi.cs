using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Alpaca.Wire;
using Refit;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>
/// Trading API v2 (facts 2). Every call names its connection through <see cref="PropertyAttribute"/>, which the
/// rate limiter and the token handler read; the facade sets it, never a caller.
/// </summary>
internal interface IAlpacaTradingApi
{
    private const string Connection = AlpacaRequestOptions.ConnectionIdKey;

    [Get("/v2/account")]
    Task<AccountWire> GetAccountAsync([Property(Connection)] Guid connectionId, CancellationToken cancellationToken);

    [Post("/v2/orders")]
    Task<OrderWire> CreateOrderAsync([Property(Connection)] Guid connectionId, [Body] NewOrderWire order, CancellationToken cancellationToken);

    [Get("/v2/orders")]
    Task<List<OrderWire>> ListOrdersAsync(
        [Property(Connection)] Guid connectionId,
        string? status, int? limit, string? after, string? until, string? direction, string? symbols, string? side, string? nested,
        CancellationToken cancellationToken);

    [Get("/v2/orders/{orderId}")]
    Task<OrderWire> GetOrderAsync([Property(Connection)] Guid connectionId, Guid orderId, string? nested, CancellationToken cancellationToken);

    // The colon is part of Alpaca's path, not a route parameter (facts 2.6).
    [Get("/v2/orders:by_client_order_id")]
    Task<OrderWire> GetOrderByClientOrderIdAsync(
        [Property(Connection)] Guid connectionId, [AliasAs("client_order_id")] string clientOrderId, CancellationToken cancellationToken);

    [Patch("/v2/orders/{orderId}")]
    Task<OrderWire> ReplaceOrderAsync([Property(Connection)] Guid connectionId, Guid orderId, [Body] ReplaceOrderWire replace, CancellationToken cancellationToken);

    [Delete("/v2/orders/{orderId}")]
    Task CancelOrderAsync([Property(Connection)] Guid connectionId, Guid orderId, CancellationToken cancellationToken);

    [Delete("/v2/orders")]
    Task<List<CancelOrderResultWire>> CancelAllOrdersAsync([Property(Connection)] Guid connectionId, CancellationToken cancellationToken);

    // order_id is newer than the spec (facts-more 2); the answer is a bare array, paged by the last item's id.
    [Get("/v2/account/activities/FILL")]
    Task<List<FillActivityWire>> ListFillActivitiesAsync(
        [Property(Connection)] Guid connectionId, [AliasAs("order_id")] Guid orderId, string direction,
        [AliasAs("page_size")] int pageSize, [AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    [Get("/v2/positions")]
    Task<List<PositionWire>> ListPositionsAsync([Property(Connection)] Guid connectionId, CancellationToken cancellationToken);

    [Get("/v2/positions/{symbolOrAssetId}")]
    Task<PositionWire> GetPositionAsync([Property(Connection)] Guid connectionId, string symbolOrAssetId, CancellationToken cancellationToken);

    [Delete("/v2/positions/{symbolOrAssetId}")]
    Task<OrderWire> ClosePositionAsync(
        [Property(Connection)] Guid connectionId, string symbolOrAssetId, string? qty, string? percentage, CancellationToken cancellationToken);

    [Delete("/v2/positions")]
    Task<List<ClosePositionResultWire>> CloseAllPositionsAsync(
        [Property(Connection)] Guid connectionId, [AliasAs("cancel_orders")] string? cancelOrders, CancellationToken cancellationToken);

    [Get("/v2/clock")]
    Task<ClockWire> GetClockAsync([Property(Connection)] Guid connectionId, CancellationToken cancellationToken);

    /// <summary>The whole list in one array, no paging (facts-more 3.1); <c>asset_class</c> defaults to <c>us_equity</c>.</summary>
    [Get("/v2/assets")]
    Task<List<AssetWire>> ListAssetsAsync(
        [Property(Connection)] Guid connectionId, string? status, [AliasAs("asset_class")] string? assetClass, CancellationToken cancellationToken);

    // Refit escapes the whole value, so BTC/USD goes out as the one segment BTC%2FUSD that Alpaca documents (facts-more 3.2).
    [Get("/v2/assets/{symbolOrAssetId}")]
    Task<AssetWire> GetAssetAsync([Property(Connection)] Guid connectionId, string symbolOrAssetId, CancellationToken cancellationToken);

    [Get("/v2/options/contracts/{symbolOrId}")]
    Task<OptionContractWire> GetOptionContractAsync([Property(Connection)] Guid connectionId, string symbolOrId, CancellationToken cancellationToken);
}
