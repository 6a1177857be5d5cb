using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Orders.Pipeline;

namespace AlpacaConnect.Gql.Orders;

/// <summary>How a report from Alpaca is taken onto an order row.</summary>
internal sealed partial class OrderStore
{
    private static OrderStatus StatusOf(AlpacaOrder reported) =>
        Enum.TryParse<OrderStatus>(reported.Status.ToString(), out var status) ? status : OrderStatus.Unknown;

    /// <summary>
    /// Copies a report onto the row unless the row knows better: a terminal status Alpaca reported is final, fills never
    /// shrink, and a report Alpaca stamped earlier than the one applied last is stale. A status only we inferred (an
    /// intent expired unsent) never stands against Alpaca's. True when the report was taken.
    /// </summary>
    private static bool Copy(AlpacaOrder reported, Order order)
    {
        var stale = (OrderStatuses.IsTerminal(order.Status) && !OrderSettlement.IsExpiredIntent(order))
            || reported.FilledQty < order.FilledQty
            || (reported.UpdatedAt is { } stamped && order.AlpacaUpdatedAt is { } applied && stamped < applied);
        if (stale)
        {
            return false;
        }

        if (OrderSettlement.IsExpiredIntent(order))
        {
            order.RejectionCode = null;
            order.RejectionMessage = null;
        }

        order.AlpacaOrderId = reported.Id;
        order.Status = StatusOf(reported);
        order.FilledQty = reported.FilledQty;
        order.FilledAvgPrice = reported.FilledAvgPrice;
        order.SubmittedAt = reported.SubmittedAt ?? order.SubmittedAt ?? reported.CreatedAt;
        order.FilledAt = reported.FilledAt;
        order.CanceledAt = reported.CanceledAt;
        order.AlpacaUpdatedAt = reported.UpdatedAt ?? order.AlpacaUpdatedAt;
        return true;
    }
}
