using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Which orders <c>orders</c> lists, by status.</summary>
internal enum OrderStatusFilter
{
    Open,
    Closed,
    All,
}

/// <summary>The status sets behind <see cref="OrderStatusFilter"/>.</summary>
internal static class OrderStatuses
{
    /// <summary>
    /// Statuses after which Alpaca reports nothing more for the order (facts 2.4). Everything else is open, including
    /// PENDING_SUBMIT and UNKNOWN: such an order may still be (or become) live at Alpaca.
    /// </summary>
    public static readonly IReadOnlyList<OrderStatus> Terminal =
        [OrderStatus.Filled, OrderStatus.Canceled, OrderStatus.Expired, OrderStatus.Rejected, OrderStatus.Replaced];

    public static bool IsTerminal(OrderStatus status) => Terminal.Contains(status);
}

internal sealed class OrderStatusFilterGraphType : EnumerationGraphType<OrderStatusFilter>
{
    public OrderStatusFilterGraphType()
    {
        Name = "OrderStatusFilter";
        Description = "OPEN: not yet filled, cancelled, expired, rejected or replaced (PENDING_SUBMIT and UNKNOWN count as open). CLOSED: one of those five. ALL: both.";
    }
}
