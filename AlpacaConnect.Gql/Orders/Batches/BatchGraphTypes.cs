using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Rollout;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders.Batches;

internal sealed class BatchItemStatusGraphType : EnumerationGraphType<BatchItemStatus>
{
    public BatchItemStatusGraphType()
    {
        Name = "BatchItemStatus";
        Description = "ACCEPTED: Alpaca accepted this item (a cancel requested, a closing order created). FAILED: nothing was done, see `errors`. UNKNOWN: Alpaca's answer was lost, see ORDER_STATE_UNKNOWN.";
    }
}

internal sealed class CancelAllOrdersItemType : ObjectGraphType<CancelAllOrdersItem>
{
    public CancelAllOrdersItemType()
    {
        Name = "CancelAllOrdersItem";
        Description = "One order Alpaca listed as open at the connected account when the key was first used.";
        Field<NonNullGraphType<IdGraphType>>("alpacaOrderId").Resolve(c => c.Source.AlpacaOrderId);
        Field(i => i.Symbol);
        Field<OrderGraphType>("order")
            .Description("Our order (PENDING_CANCEL once the cancel was accepted); null for an order placed outside this server.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<BatchItemStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CancelAllOrdersItemErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class CloseAllPositionsItemType : ObjectGraphType<CloseAllPositionsItem>
{
    public CloseAllPositionsItemType()
    {
        Name = "CloseAllPositionsItem";
        Description = "One position held at the connected account when the key was first used, closed as `closePosition` with `percentage: 100`.";
        Field(i => i.Symbol);
        Field<OrderGraphType>("order").Description("The closing market order, kept in the caller's order history.").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<BatchItemStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosePositionErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class CancelAllOrdersPayloadType : ObjectGraphType<CancelAllOrdersPayload>
{
    public CancelAllOrdersPayloadType()
    {
        Name = "CancelAllOrdersPayload";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CancelAllOrdersItemType>>>>("items").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CancelAllOrdersErrorType>>>>("errors")
            .Description("Why nothing was cancelled at all; per-order failures are on the items.")
            .Resolve(c => c.Source.Errors);
    }
}

internal sealed class CloseAllPositionsPayloadType : ObjectGraphType<CloseAllPositionsPayload>
{
    public CloseAllPositionsPayloadType()
    {
        Name = "CloseAllPositionsPayload";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CloseAllPositionsItemType>>>>("items").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CancelAllOrdersItemType>>>>("cancelledOrders")
            .Description("With `cancelOrders`: the open orders cancelled first.")
            .Resolve(c => c.Source.CancelledOrders);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CloseAllPositionsErrorType>>>>("errors")
            .Description("Why nothing was closed at all; per-position failures are on the items.")
            .Resolve(c => c.Source.Errors);
    }
}

internal sealed class CancelAllOrdersItemErrorType : UnionGraphType
{
    public CancelAllOrdersItemErrorType()
    {
        Name = "CancelAllOrdersItemError";
        Type<OrderNotCancelableErrorType>();
        Type<RateLimitedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<CancelUnconfirmedErrorType>();
    }
}

internal sealed class CancelAllOrdersErrorType : UnionGraphType
{
    public CancelAllOrdersErrorType()
    {
        Name = "CancelAllOrdersError";
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<OrderInvalidErrorType>();
        Type<RateLimitedErrorType>();
        Type<AlpacaRejectedErrorType>();
        Type<InsufficientBuyingPowerErrorType>();
        Type<BatchAccountChangedErrorType>();
    }
}

internal sealed class CloseAllPositionsErrorType : UnionGraphType
{
    public CloseAllPositionsErrorType()
    {
        Name = "CloseAllPositionsError";
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<OrderInvalidErrorType>();
        Type<IdempotencyKeyReusedErrorType>();
        Type<RateLimitedErrorType>();
        Type<AlpacaRejectedErrorType>();
        Type<InsufficientBuyingPowerErrorType>();
        Type<BatchAccountChangedErrorType>();
        Type<NotInRolloutErrorType>();
        Type<TradingPausedErrorType>();
    }
}
