using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Executions the stream missed, recorded from Alpaca's FILL activities (<see cref="MissedExecutions"/>).</summary>
internal sealed partial class OrderStore
{
    /// <summary>
    /// An execution that leaves the order partly filled at <paramref name="cumQty"/>: a PARTIAL_FILL carrying it, unless
    /// the row already counts that much (the stream or an earlier pass recorded it) or is closed. True when recorded.
    /// </summary>
    public async Task<bool> RecordMissedExecutionAsync(
        Guid orderId, decimal cumQty, decimal avgPrice, TradeExecution execution, string source, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, source, order =>
        {
            if (OrderStatuses.IsTerminal(order.Status) || cumQty <= order.FilledQty)
            {
                return null;
            }

            order.Status = OrderStatus.PartiallyFilled;
            order.FilledQty = cumQty;
            order.FilledAvgPrice = avgPrice;
            return OrderEventKind.PartialFill;
        }, cancellationToken, execution)).Recorded;

    /// <summary>
    /// Alpaca's report applied like <see cref="ReconcileAsync"/>, its event carrying the execution that brought the order
    /// to the reported quantity.
    /// </summary>
    public async Task<bool> ReconcileWithExecutionAsync(
        Guid orderId, AlpacaOrder reported, TradeExecution execution, string source, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, source, TakeReport(reported, kind: null), cancellationToken, execution)).Recorded;
}
