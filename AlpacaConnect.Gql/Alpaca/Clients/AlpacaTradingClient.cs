using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Alpaca.Wire;
using static AlpacaConnect.Gql.Alpaca.Wire.RequestMapping;

namespace AlpacaConnect.Gql.Alpaca.Clients;

/// <summary>The facade over the Refit interfaces: public models in, wire objects out of sight.</summary>
internal sealed class AlpacaTradingClient(AlpacaConnectionRef connection, IAlpacaTradingApi trading, IAlpacaMarketDataApi data)
    : IAlpacaTradingClient
{
    private Guid Id => connection.ConnectionId;

    public AlpacaConnectionRef Connection => connection;

    public async Task<AlpacaAccount> GetAccountAsync(CancellationToken cancellationToken = default) =>
        (await trading.GetAccountAsync(Id, cancellationToken)).ToModel();

    public async Task<AlpacaOrder> CreateOrderAsync(AlpacaNewOrder order, CancellationToken cancellationToken = default) =>
        (await trading.CreateOrderAsync(Id, order.ToWire(), cancellationToken)).ToModel();

    public async Task<IReadOnlyList<AlpacaOrder>> ListOrdersAsync(AlpacaOrderQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AlpacaOrderQuery();
        var orders = await trading.ListOrdersAsync(Id,
            Query(query.Status), query.Limit, Query(query.After), Query(query.Until), Query(query.Direction),
            Query(query.Symbols), Query(query.Side), Query(query.Nested), cancellationToken);
        return orders.Select(o => o.ToModel()).ToList();
    }

    public async Task<AlpacaOrder> GetOrderAsync(Guid orderId, bool nested = false, CancellationToken cancellationToken = default) =>
        (await trading.GetOrderAsync(Id, orderId, nested ? "true" : null, cancellationToken)).ToModel();

    public async Task<AlpacaOrder> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        return (await trading.GetOrderByClientOrderIdAsync(Id, clientOrderId, cancellationToken)).ToModel();
    }

    public async Task<IReadOnlyList<AlpacaFillActivity>> ListFillActivitiesAsync(Guid orderId, int maxPages, CancellationToken cancellationToken = default)
    {
        const int PageSize = 100;
        var activities = new List<AlpacaFillActivity>();
        string? token = null;
        for (var page = 0; page < maxPages; page++)
        {
            var batch = await trading.ListFillActivitiesAsync(Id, orderId, "asc", PageSize, token, cancellationToken);
            activities.AddRange(batch.Select(a => a.ToModel()));
            // A short page is the last; Alpaca's own pager stops at an empty one, which costs one more call (facts-more 2).
            if (batch.Count < PageSize)
            {
                break;
            }

            token = batch[^1].Id;
        }

        return activities;
    }

    public async Task<AlpacaOrder> ReplaceOrderAsync(Guid orderId, AlpacaReplaceOrder replace, CancellationToken cancellationToken = default) =>
        (await trading.ReplaceOrderAsync(Id, orderId, replace.ToWire(), cancellationToken)).ToModel();

    public Task CancelOrderAsync(Guid orderId, CancellationToken cancellationToken = default) =>
        trading.CancelOrderAsync(Id, orderId, cancellationToken);

    public async Task<IReadOnlyList<AlpacaCancelOrderResult>> CancelAllOrdersAsync(CancellationToken cancellationToken = default) =>
        (await trading.CancelAllOrdersAsync(Id, cancellationToken)).Select(r => r.ToModel()).ToList();

    public async Task<IReadOnlyList<AlpacaPosition>> ListPositionsAsync(CancellationToken cancellationToken = default) =>
        (await trading.ListPositionsAsync(Id, cancellationToken)).Select(p => p.ToModel()).ToList();

    public async Task<AlpacaPosition> GetPositionAsync(string symbolOrAssetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbolOrAssetId);
        return (await trading.GetPositionAsync(Id, symbolOrAssetId, cancellationToken)).ToModel();
    }

    public async Task<AlpacaOrder> ClosePositionAsync(
        string symbolOrAssetId, decimal? qty = null, decimal? percentage = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbolOrAssetId);
        if (qty is not null && percentage is not null)
        {
            throw new ArgumentException("Give qty or percentage, not both (Alpaca treats them as exclusive).", nameof(percentage));
        }

        return (await trading.ClosePositionAsync(Id, symbolOrAssetId, Query(qty), Query(percentage), cancellationToken)).ToModel();
    }

    public async Task<IReadOnlyList<AlpacaClosePositionResult>> CloseAllPositionsAsync(bool cancelOrders = false, CancellationToken cancellationToken = default) =>
        (await trading.CloseAllPositionsAsync(Id, cancelOrders ? "true" : null, cancellationToken)).Select(r => r.ToModel()).ToList();

    public async Task<AlpacaClock> GetClockAsync(CancellationToken cancellationToken = default) =>
        (await trading.GetClockAsync(Id, cancellationToken)).ToModel();

    public async Task<AlpacaAsset> GetAssetAsync(string symbolOrAssetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbolOrAssetId);
        return (await trading.GetAssetAsync(Id, symbolOrAssetId, cancellationToken)).ToModel();
    }

    public async Task<AlpacaOptionContract> GetOptionContractAsync(string symbolOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbolOrId);
        return (await trading.GetOptionContractAsync(Id, symbolOrId, cancellationToken)).ToModel();
    }

    public async Task<AlpacaQuote> GetLatestOptionQuoteAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return (await data.GetLatestOptionQuotesAsync(Id, symbol, cancellationToken)).QuoteOf(symbol);
    }

    public async Task<AlpacaQuote> GetLatestCryptoQuoteAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return (await data.GetLatestCryptoQuotesAsync(Id, symbol, cancellationToken)).QuoteOf(symbol);
    }

    public async Task<AlpacaQuote> GetLatestQuoteAsync(string symbol, string? feed = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return (await data.GetLatestQuoteAsync(Id, symbol, feed, cancellationToken)).ToModel(symbol);
    }

    public async Task<AlpacaTrade> GetLatestTradeAsync(string symbol, string? feed = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return (await data.GetLatestTradeAsync(Id, symbol, feed, cancellationToken)).ToModel(symbol);
    }

    public async Task<IReadOnlyList<AlpacaAsset>> ListActiveAssetsAsync(string assetClass, CancellationToken cancellationToken = default) =>
        (await trading.ListAssetsAsync(Id, "active", assetClass, cancellationToken)).Select(a => a.ToModel()).ToList();

    public async Task<IReadOnlyDictionary<string, AlpacaSnapshot>> GetSnapshotsAsync(
        IReadOnlyCollection<string> symbols, bool crypto, string? feed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(symbols.Count);
        var list = string.Join(',', symbols);
        return await NeedingDataScope(async () => crypto
            ? (await data.GetCryptoSnapshotsAsync(Id, list, cancellationToken)).Snapshots.ToModels()
            : (await data.GetStockSnapshotsAsync(Id, list, feed, cancellationToken)).ToModels());
    }

    public async Task<AlpacaBarsPage> GetStockBarsAsync(
        string symbol, string timeframe, DateTimeOffset start, DateTimeOffset? end, int limit, string? feed, string? pageToken,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return await NeedingDataScope(async () =>
            (await data.GetStockBarsAsync(Id, symbol, timeframe, Rfc3339(start), end is { } e ? Rfc3339(e) : null, limit, feed, pageToken, cancellationToken))
            .ToModel());
    }

    /// <summary>The data host's REST calls need the <c>data</c> scope (facts 1.1, facts-more 9): a scope refusal names it.</summary>
    private static async Task<T> NeedingDataScope<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AlpacaApiException e) when (e.IsScopeRefusal)
        {
            e.MissingScope ??= "data";
            throw;
        }
    }

    private static string Rfc3339(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
