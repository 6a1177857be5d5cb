namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// What happened to an order: Alpaca's trade_updates event names (facts 4: <c>fill</c>, <c>partial_fill</c>, ...), and
/// for a transition learned another way (a REST answer, a reconciliation) the event its new status implies.
/// <see cref="Unknown"/> is an event name Alpaca added that we do not know yet; the order's status is still applied.
/// </summary>
internal enum OrderEventKind
{
    /// <summary>Saved here, not yet confirmed by Alpaca. Recorded, never published: the attempt may be withdrawn.</summary>
    PendingSubmit,
    Accepted,
    PendingNew,
    New,
    AcceptedForBidding,
    PartialFill,
    Fill,
    DoneForDay,
    PendingCancel,
    Canceled,
    Expired,
    PendingReplace,
    Replaced,
    Stopped,
    Rejected,
    Suspended,
    Calculated,
    Held,
    PendingReview,
    Restated,
    OrderCancelRejected,
    OrderReplaceRejected,
    Unknown,
}

internal static class OrderEventKinds
{
    /// <summary>
    /// Events that tell something without a status of their own (a refused cancel or replace, a correction, an event
    /// name we do not know): kept even when nothing on the row changes. Only the stream reports them, once each.
    /// </summary>
    public static bool IsNotice(OrderEventKind kind) =>
        kind is OrderEventKind.OrderCancelRejected or OrderEventKind.OrderReplaceRejected or OrderEventKind.Restated or OrderEventKind.Unknown;

    /// <summary>The event a status implies, for transitions not reported by the stream.</summary>
    public static OrderEventKind Of(OrderStatus status) => status switch
    {
        OrderStatus.PartiallyFilled => OrderEventKind.PartialFill,
        OrderStatus.Filled => OrderEventKind.Fill,
        _ => Enum.TryParse<OrderEventKind>(status.ToString(), out var kind) ? kind : OrderEventKind.Unknown,
    };

    /// <summary>A trade_updates event name (<c>partial_fill</c>, <c>order_cancel_rejected</c>, ...).</summary>
    public static OrderEventKind Parse(string? eventName) =>
        Enum.TryParse<OrderEventKind>((eventName ?? "").Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var kind)
        && kind != OrderEventKind.PendingSubmit && Enum.IsDefined(kind)
            ? kind
            : OrderEventKind.Unknown;
}
