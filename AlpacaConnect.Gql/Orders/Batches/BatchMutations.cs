using AlpacaConnect.Gql.GraphQL.Schema;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders.Batches;

internal sealed class BatchMutations : IMutationFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.AddOrderCommand<CancelAllOrdersPayloadType, CancelAllOrdersInputType, CancelAllOrdersInput, AllOrdersCancellation, CancelAllOrdersPayload>(
            "cancelAllOrders",
            "Asks Alpaca to cancel every open order of the connected account, one result per order. Retry with the same `idempotencyKey`: it answers for the same orders and asks no accepted cancel again.",
            (cancellation, userId, input, cancellationToken) => cancellation.CancelAllAsync(userId, input.IdempotencyKey, cancellationToken),
            payload => payload.Errors);

        root.AddOrderCommand<CloseAllPositionsPayloadType, CloseAllPositionsInputType, CloseAllPositionsInput, AllPositionsClosing, CloseAllPositionsPayload>(
            "closeAllPositions",
            "Closes every position of the connected account with a market order each, one result per position. Each close is a `closePosition` (same checks, same kill switch). Retry with the same `idempotencyKey`: it answers for the same positions and closes none twice.",
            (closing, userId, input, cancellationToken) => closing.CloseAllAsync(userId, input, cancellationToken),
            payload => payload.Errors);
    }
}
