using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading.Reads;

namespace AlpacaConnect.Gql.Orders.Batches;

/// <summary>
/// <c>cancelAllOrders</c> (decision 0038): the open orders Alpaca lists for the account connected now are saved as the
/// key's batch, then each is cancelled as <c>cancelOrder</c> cancels one (<c>DELETE /v2/orders/{id}</c>), so only that
/// account is ever asked and each of our rows records its own PENDING_CANCEL. A cancel moves no money: like
/// <c>cancelOrder</c> it is not stopped by the kill switch. A replay asks nothing again of the cancels Alpaca accepted.
/// </summary>
internal sealed class AllOrdersCancellation(
    ConnectionDirectory connections, IAlpacaClientFactory alpaca, OrderStore store, OrderBatchStore batches, OrderLocks locks,
    ConnectionReadCache reads)
{
    /// <summary>Alpaca's largest page of orders (facts 2.5); a batch covers at most this many open orders.</summary>
    private const int MaxOrders = 500;

    public async Task<CancelAllOrdersPayload> CancelAllAsync(string userId, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (OrderInputRules.KeyError(idempotencyKey) is { } invalid)
        {
            return CancelAllOrdersPayload.Failed([invalid]);
        }

        await using var keyLock = await locks.ForKeyAsync(userId, $"batch:cancel-all:{idempotencyKey}", cancellationToken);
        BoundConnection connection;
        try
        {
            connection = await connections.RequireBoundAsync(userId, cancellationToken);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return CancelAllOrdersPayload.Failed([ConnectionErrors.Of(e)]);
        }

        var client = alpaca.ForConnection(connection.Connection);
        var batch = await batches.FindAsync(userId, OrderBatchKind.CancelAll, idempotencyKey, cancellationToken);
        if (batch is null)
        {
            IReadOnlyList<AlpacaOrder> open;
            try
            {
                open = await client.ListOrdersAsync(new AlpacaOrderQuery { Status = AlpacaOrderQueryStatus.Open, Limit = MaxOrders }, cancellationToken);
            }
            catch (AlpacaApiException e) when (OrderErrorMapping.From(e) is { } error)
            {
                return CancelAllOrdersPayload.Failed([error]);
            }

            batch = await batches.SaveFirstAsync(
                userId, OrderBatchKind.CancelAll, idempotencyKey, OrderBatchKeys.CancelAllFingerprint(), connection,
                open.Where(IsCancelable).Select(o => new OrderBatchItem(o.Symbol, o.Id, o.ClientOrderId)), cancellationToken);
        }

        if (!connection.Holds(batch.AlpacaAccountId, batch.Environment))
        {
            // The orders are at another account: nothing about them goes to the one connected now.
            return CancelAllOrdersPayload.Failed([new BatchAccountChangedError()]);
        }

        var (items, saved) = await CancelEachAsync(userId, connection, client, OrderBatchItems.Read(batch));
        await batches.UpdateItemsAsync(batch.Id, saved);
        return new CancelAllOrdersPayload(items, []);
    }

    /// <summary>
    /// Alpaca lists orders already being cancelled or replaced as open, but refuses to cancel them (422): the cancel is
    /// requested already, or the replacement (listed on its own) is the order to cancel.
    /// </summary>
    private static bool IsCancelable(AlpacaOrder order) => order.Status is not (AlpacaOrderStatus.PendingCancel or AlpacaOrderStatus.PendingReplace);

    /// <summary>Each item's cancel, never cut short by the request once the first is sent; after a 429 or a revoked token the rest wait for a retry.</summary>
    private async Task<(List<CancelAllOrdersItem> Items, List<OrderBatchItem> Saved)> CancelEachAsync(
        string userId, BoundConnection connection, IAlpacaTradingClient client, IReadOnlyList<OrderBatchItem> planned)
    {
        var items = new List<CancelAllOrdersItem>();
        var saved = new List<OrderBatchItem>();
        PayloadError? stop = null;
        var ours = await store.FindAtAccountAsync(
            userId, connection.AccountId, connection.Environment, [.. planned.Select(i => (i.AlpacaOrderId!.Value, i.ClientOrderId))], CancellationToken.None);
        foreach (var item in planned)
        {
            var alpacaId = item.AlpacaOrderId!.Value;
            var row = ours.GetValueOrDefault(alpacaId);
            if (item.Accepted || stop is not null)
            {
                items.Add(new CancelAllOrdersItem(alpacaId, item.Symbol, row, stop is null || item.Accepted ? [] : [stop]));
                saved.Add(item);
                continue;
            }

            var refused = await CancelRequest.SendAsync(client, alpacaId, CancellationToken.None);
            if (refused is null && row is not null && !OrderStatuses.IsTerminal(row.Status))
            {
                row = await store.MarkAsync(row.Id, OrderStatus.PendingCancel, "cancel", CancellationToken.None);
            }
            else if (refused is not null && CancelRequest.StopsTheRest(refused))
            {
                stop = refused;
            }

            items.Add(new CancelAllOrdersItem(alpacaId, item.Symbol, row, refused is null ? [] : [refused]));
            saved.Add(item with { Accepted = refused is null });
        }

        if (items.Any(i => i.Errors.Count == 0))
        {
            reads.InvalidateBalances(connection.Connection.ConnectionId);
        }

        return (items, saved);
    }
}
