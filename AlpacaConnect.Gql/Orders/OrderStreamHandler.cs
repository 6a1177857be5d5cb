using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Streaming;
using AlpacaConnect.Gql.Trading.Reads;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Records trade_updates and reconciliations on the orders placed here (docs/decisions/0013-order-updates-are-never-lost.md).</summary>
internal sealed class OrderStreamHandler(OrderStore store, OrderHistorySync history, ConnectionReadCache reads) : ITradeUpdateHandler
{
    public async Task<bool> ApplyAsync(StreamTarget target, AlpacaTradeUpdate update, CancellationToken cancellationToken)
    {
        var connectionId = target.Connection.ConnectionId;
        var recorded = await store.ReconcileReportedAsync(
            connectionId, target.AccountId, update.Order, OrderEventKinds.Parse(update.Event), TradeExecution.Of(update), cancellationToken);
        if (recorded == true)
        {
            // A fill moves cash and positions; the next read must not serve the cached ones.
            reads.InvalidateBalances(connectionId);
        }

        return recorded is not null;
    }

    public async Task ReconcileAsync(StreamTarget target, CancellationToken cancellationToken)
    {
        if (await history.ReconcileAsync(target.UserId, new BoundConnection(target.Connection, target.AccountId), cancellationToken) > 0)
        {
            reads.InvalidateBalances(target.Connection.ConnectionId);
        }
    }

    public Task<bool> HasOpenOrdersAsync(Guid connectionId, CancellationToken cancellationToken) =>
        store.HasOpenOrdersAsync(connectionId, cancellationToken);

    public Task<bool> HasUnlinkedOrdersAsync(Guid connectionId, CancellationToken cancellationToken) =>
        store.HasOpenOrdersAsync(connectionId, cancellationToken, unlinkedOnly: true);

    public Task<IReadOnlyList<Guid>> ConnectionsToWatchAsync(CancellationToken cancellationToken) =>
        store.ConnectionsWithOpenOrdersAsync(cancellationToken);
}
