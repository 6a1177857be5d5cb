using AlpacaConnect.Gql.GraphQL.Scalars;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderUpdateGraphType : ObjectGraphType<OrderUpdate>
{
    public OrderUpdateGraphType()
    {
        Name = "OrderUpdate";
        Description = "One change of an order, recorded once however many sources reported it (the API's own answers, Alpaca's trade_updates stream, a reconciliation over REST).";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The event's id. Pass it as `after` to `orderUpdated` or `orderEvents` to resume right after this update.")
            .Resolve(c => c.Source.Event.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<OrderEventTypeGraphType>>("event").Resolve(c => c.Source.Event.Kind);
        Field<NonNullGraphType<OrderGraphType>>("order")
            .Description("The order as this event left it (status, filledQty, filledAvgPrice); other fields as they are now.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When this server recorded the event.").Resolve(c => c.Source.Event.OccurredAt);
        Field<TradeExecutionGraphType>("execution")
            .Description("The execution behind a FILL or PARTIAL_FILL, as Alpaca's trade_updates stream reported it, or, for executions the stream missed (it was down), as Alpaca's FILL account activities report them on reconciliation: one event per execution, without positionQty. Null for other events, and for a fill learned over REST when the activities could not be read (one event with only the order's cumulative filledQty and filledAvgPrice).")
            .Resolve(c => c.Source.Event.Execution);
    }
}

internal sealed class TradeExecutionGraphType : ObjectGraphType<TradeExecution>
{
    public TradeExecutionGraphType()
    {
        Name = "OrderExecution";
        Description = "One execution (trade) of an order.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Alpaca's execution_id; for an execution learned from the account activities, the activity's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DecimalStringGraphType>>("price").Description("The price of this execution.").Resolve(c => DecimalScale.Trim(c.Source.Price));
        Field<NonNullGraphType<DecimalStringGraphType>>("qty").Description("The quantity of this execution (not the order's cumulative filledQty).").Resolve(c => DecimalScale.Trim(c.Source.Qty));
        Field<DecimalStringGraphType>("positionQty")
            .Description("The account's position in the symbol right after this execution; negative when short.")
            .Resolve(c => DecimalScale.Trim(c.Source.PositionQty));
    }
}

internal sealed class OrderEventTypeGraphType : EnumerationGraphType
{
    public OrderEventTypeGraphType()
    {
        Name = "OrderEventType";
        Description = "Alpaca's trade_updates event names (FILL, PARTIAL_FILL, CANCELED, ORDER_CANCEL_REJECTED, ...). A transition learned over REST carries the event its status implies. UNKNOWN: an event Alpaca added that this server does not know yet; the order's status is still current.";
        // PENDING_SUBMIT is recorded but never sent: the attempt may still be withdrawn.
        foreach (var kind in Enum.GetValues<OrderEventKind>().Where(k => k != OrderEventKind.PendingSubmit))
        {
            Add(kind.ToString().ToConstantCase(), kind);
        }
    }
}
