using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Reads;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderGraphType : ObjectGraphType<Order>
{
    public OrderGraphType()
    {
        Name = "Order";
        Description = "An order placed through this server, as last known.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(o => o.ClientOrderId).Description("The id Alpaca knows the order by besides its own; derived from the idempotency key.");
        Field<IdGraphType>("alpacaOrderId").Description("Alpaca's id, once Alpaca confirmed the order.").Resolve(c => c.Source.AlpacaOrderId);
        Field(o => o.IdempotencyKey);
        Field(o => o.Symbol);
        Field<NonNullGraphType<OrderSideGraphType>>("side").Resolve(c => c.Source.Side);
        Field<NonNullGraphType<OrderTypeGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<TimeInForceGraphType>>("timeInForce").Resolve(c => c.Source.TimeInForce);
        Field<NonNullGraphType<OrderClassGraphType>>("orderClass").Resolve(c => c.Source.OrderClass);
        Field<NonNullGraphType<OrderStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<DecimalStringGraphType>("qty").Resolve(c => DecimalScale.Trim(c.Source.Qty));
        Field<DecimalStringGraphType>("notional").Resolve(c => DecimalScale.Trim(c.Source.Notional));
        Field<DecimalStringGraphType>("limitPrice").Resolve(c => DecimalScale.Trim(c.Source.LimitPrice));
        Field<DecimalStringGraphType>("stopPrice").Resolve(c => DecimalScale.Trim(c.Source.StopPrice));
        Field<DecimalStringGraphType>("trailPrice").Resolve(c => DecimalScale.Trim(c.Source.TrailPrice));
        Field<DecimalStringGraphType>("trailPercent").Resolve(c => DecimalScale.Trim(c.Source.TrailPercent));
        Field(o => o.ExtendedHours);
        Field<DecimalStringGraphType>("takeProfitLimitPrice").Resolve(c => DecimalScale.Trim(c.Source.TakeProfitLimitPrice));
        Field<DecimalStringGraphType>("stopLossStopPrice").Resolve(c => DecimalScale.Trim(c.Source.StopLossStopPrice));
        Field<DecimalStringGraphType>("stopLossLimitPrice").Resolve(c => DecimalScale.Trim(c.Source.StopLossLimitPrice));
        Field<NonNullGraphType<DecimalStringGraphType>>("filledQty").Resolve(c => DecimalScale.Trim(c.Source.FilledQty));
        Field<DecimalStringGraphType>("filledAvgPrice").Resolve(c => DecimalScale.Trim(c.Source.FilledAvgPrice));
        Field<IdGraphType>("replaces").Description("The order this one replaced (replaceOrder), by our `id`.").Resolve(c => c.Source.Replaces);
        Field<IdGraphType>("replacedBy")
            .Description("The order Alpaca accepted to replace this one, by our `id`; this one reads REPLACED once Alpaca reports it so.")
            .Resolve(c => c.Source.ReplacedBy);
        Field<IdGraphType>("parentOrderId")
            .Description("For a leg of a BRACKET, OCO or OTO order: its parent (the entry; for OCO the take-profit), by our `id`.")
            .Resolve(c => c.Source.ParentOrderId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderGraphType>>>>("legs")
            .Description("A BRACKET, OCO or OTO order's legs, from Alpaca's `legs` (take-profit first, then stop-loss), each an order of its own whose transitions arrive on `orderUpdated`; empty for other orders and for legs (one level only).")
            .ResolveAsync(async c => c.Source.OrderClass == OrderClass.Simple || c.Source.ParentOrderId is not null
                ? []
                : await c.RequestServices!.GetRequiredService<OrderStore>().ListLegsAsync(c.Source.UserId, c.Source.Id, c.CancellationToken));
        Field(o => o.CreatedAt);
        Field(o => o.SubmittedAt, nullable: true);
        Field(o => o.FilledAt, nullable: true);
        Field(o => o.CanceledAt, nullable: true);
        Field(o => o.UpdatedAt);
        Field<NonNullGraphType<AssetClassGraphType>>("assetClass").Resolve(c => c.Source.AssetClass);
        Field<NonNullGraphType<Connections.AlpacaEnvironmentGraphType>>("environment")
            .Description("The Alpaca environment of the account the order was sent to; every later command about it goes to that account only.")
            .Resolve(c => c.Source.Environment);
        Field<NonNullGraphType<BooleanGraphType>>("detached")
            .Description("True when the account the order was sent to is not the one connected now: its status is as last reported, it is no longer updated, and cancelOrder or replaceOrder answer ACCOUNT_CHANGED. Connecting that account again attaches it again.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<CallerConnection>().FindBoundAsync(c) is not { } current
                || !current.Holds(c.Source.AlpacaAccountId, c.Source.Environment));
    }
}

internal sealed class PlaceOrderPayloadType : ObjectGraphType<PlaceOrderPayload>
{
    public PlaceOrderPayloadType()
    {
        Name = "PlaceOrderPayload";
        Field<OrderGraphType>("order")
            .Description("The order for this idempotency key: also present with REJECTED or UNKNOWN status and an error.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceOrderErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class CancelOrderPayloadType : ObjectGraphType<CancelOrderPayload>
{
    public CancelOrderPayloadType()
    {
        Name = "CancelOrderPayload";
        Field<OrderGraphType>("order")
            .Description("PENDING_CANCEL once Alpaca accepted the request: the order is cancelled only when it reports CANCELED.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CancelOrderErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class ReplaceOrderPayloadType : ObjectGraphType<ReplaceOrderPayload>
{
    public ReplaceOrderPayloadType()
    {
        Name = "ReplaceOrderPayload";
        Field<OrderGraphType>("order")
            .Description("The new order (its `replaces` is the old one's id); also present with REJECTED or UNKNOWN status and an error.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplaceOrderErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class ClosePositionPayloadType : ObjectGraphType<ClosePositionPayload>
{
    public ClosePositionPayloadType()
    {
        Name = "ClosePositionPayload";
        Field<OrderGraphType>("order")
            .Description("The closing market order Alpaca created, kept in the caller's order history; also present with REJECTED or UNKNOWN status and an error.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosePositionErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
