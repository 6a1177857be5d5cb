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
            .Description("The event's id; ids of one order's events increase in the order they were recorded.")
            .Resolve(c => c.Source.Event.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<OrderEventTypeGraphType>>("event").Resolve(c => c.Source.Event.Kind);
        Field<NonNullGraphType<OrderGraphType>>("order")
            .Description("The order as this event left it (status, filledQty, filledAvgPrice); other fields as they are now.")
            .Resolve(c => c.Source.Order);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Description("When this server recorded the event.").Resolve(c => c.Source.Event.OccurredAt);
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
