namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// One status transition of an <see cref="Order"/>. The same (order, status, filled quantity) is stored once, however
/// many sources (the POST's answer, a lookup, the stream, a reconciliation) report it.
/// </summary>
public sealed class OrderEvent
{
    public long Id { get; init; }

    public Guid OrderId { get; init; }

    public OrderStatus Status { get; init; }

    public decimal FilledQty { get; init; }

    /// <summary>Who told us: <c>placed</c>, <c>lookup</c>, <c>rejected</c>, <c>cancel</c>, ...</summary>
    public required string Source { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
