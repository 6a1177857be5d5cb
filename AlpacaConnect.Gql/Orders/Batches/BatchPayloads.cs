using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders.Batches;

/// <summary>What became of one item: ACCEPTED by Alpaca, FAILED (nothing done, see the errors) or UNKNOWN (see ORDER_STATE_UNKNOWN).</summary>
internal enum BatchItemStatus
{
    Accepted,
    Failed,
    Unknown,
}

/// <summary>One open order of the account and what its cancel became; <see cref="Order"/> is ours when it was placed here.</summary>
internal sealed record CancelAllOrdersItem(Guid AlpacaOrderId, string Symbol, Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public BatchItemStatus Status => BatchStatus.Of(Errors);
}

/// <summary>One position and its closing order, as <c>closePosition</c> answered for it.</summary>
internal sealed record CloseAllPositionsItem(string Symbol, Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public BatchItemStatus Status => BatchStatus.Of(Errors);
}

internal sealed record CancelAllOrdersPayload(IReadOnlyList<CancelAllOrdersItem> Items, IReadOnlyList<PayloadError> Errors)
{
    public static CancelAllOrdersPayload Failed(IEnumerable<PayloadError> errors) => new([], errors.ToList());
}

internal sealed record CloseAllPositionsPayload(
    IReadOnlyList<CloseAllPositionsItem> Items, IReadOnlyList<CancelAllOrdersItem> CancelledOrders, IReadOnlyList<PayloadError> Errors)
{
    public static CloseAllPositionsPayload Failed(IEnumerable<PayloadError> errors) => new([], [], errors.ToList());
}

internal static class BatchStatus
{
    public static BatchItemStatus Of(IReadOnlyList<PayloadError> errors) =>
        errors.Count == 0 ? BatchItemStatus.Accepted
        : errors.Any(e => e.Code == ErrorCodes.OrderStateUnknown) ? BatchItemStatus.Unknown
        : BatchItemStatus.Failed;
}
