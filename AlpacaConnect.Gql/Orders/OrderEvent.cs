namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// One change of an <see cref="Order"/>, with the order's state right after it. A row is written only when the order
/// row really changed (or for a notice), so however many sources report the same transition (the POST's answer, a
/// lookup, the stream, a reconciliation), it is recorded and published once.
/// </summary>
internal sealed class OrderEvent
{
    public long Id { get; init; }

    public Guid OrderId { get; init; }

    /// <summary>The order's app user, so the user's log reads by (user, sequence) without a join.</summary>
    public string UserId { get; init; } = "";

    /// <summary>
    /// The event's place in its user's log (<see cref="UserEventSequence"/>): increasing in commit order per user, never
    /// reused. Null for PENDING_SUBMIT, which is recorded but never sent (the attempt may still be withdrawn).
    /// </summary>
    public long? Sequence { get; set; }

    public OrderEventKind Kind { get; init; }

    public OrderStatus Status { get; init; }

    public decimal FilledQty { get; init; }

    public decimal? FilledAvgPrice { get; init; }

    /// <summary>Who told us: <c>placed</c>, <c>lookup</c>, <c>rejected</c>, <c>cancel</c>, <c>stream</c>, <c>reconcile</c>, ...</summary>
    public required string Source { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// The execution behind a fill or partial fill, as the trade_updates stream reported it or, for one the stream missed,
    /// as Alpaca's FILL account activity tells it (<see cref="MissedExecutions"/>); null for other events, and for a fill
    /// learned over REST when the activities could not be read.
    /// </summary>
    public TradeExecution? Execution { get; init; }
}

/// <summary>
/// One execution (trade_updates' <c>execution_id</c>, <c>price</c>, <c>qty</c>, <c>position_qty</c>). The id is a string:
/// an execution learned from a FILL activity is known by the activity's id (<c>"&lt;17 digits&gt;::&lt;uuid&gt;"</c>,
/// facts-more 2), which carries no execution id and no position.
/// </summary>
internal sealed record TradeExecution(string Id, decimal Price, decimal Qty, decimal? PositionQty)
{
    /// <summary>The execution a stream update reports, or null when it reports none (not a fill, or fields missing).</summary>
    public static TradeExecution? Of(Alpaca.AlpacaTradeUpdate update) =>
        update is { ExecutionId: { } id, Price: { } price, Qty: { } qty } ? new(id.ToString(), price, qty, update.PositionQty) : null;
}
