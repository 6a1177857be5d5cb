using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Scalars;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace AlpacaConnect.Gql.Activities;

internal sealed class ActivityInterfaceGraphType : InterfaceGraphType<AlpacaActivity>
{
    public ActivityInterfaceGraphType()
    {
        Name = "Activity";
        Description = "Something that happened in the account: a fill (FillActivity) or a cash or corporate movement (CashActivity).";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("activityType");
        Field<StringGraphType>("subType");
        Field<DateTimeOffsetGraphType>("occurredAt");
    }
}

internal sealed class FillActivityGraphType : ObjectGraphType<AlpacaActivity>
{
    public FillActivityGraphType()
    {
        Name = "FillActivity";
        Description = "One execution of an order, placed here or anywhere else. qty and price are this execution's.";
        ActivityFields.AddTo(this);
        Field<StringGraphType>("symbol").Resolve(c => c.Source.Symbol);
        Field<StringGraphType>("side").Description("buy or sell.").Resolve(c => c.Source.Side);
        Field<DecimalStringGraphType>("qty").Resolve(c => c.Source.Qty);
        Field<DecimalStringGraphType>("price").Resolve(c => c.Source.Price);
        Field<DecimalStringGraphType>("cumQty").Description("The order's filled quantity after this execution.").Resolve(c => c.Source.CumQty);
        Field<DecimalStringGraphType>("leavesQty").Description("What the order still had to fill.").Resolve(c => c.Source.LeavesQty);
        Field<BooleanGraphType>("partial").Description("A partial fill (the order went on).").Resolve(c => c.Source.FillType is null ? null : c.Source.FillType == "partial_fill");
        Field<IdGraphType>("alpacaOrderId").Description("Alpaca's order id (not this API's `Order.id`).").Resolve(c => c.Source.OrderId);
        Field<StringGraphType>("orderStatus").Description("Alpaca's order status after this execution.").Resolve(c => c.Source.OrderStatus);
        IsTypeOf = o => o is AlpacaActivity { IsTrade: true };
        Interface<ActivityInterfaceGraphType>();
    }
}

internal sealed class CashActivityGraphType : ObjectGraphType<AlpacaActivity>
{
    public CashActivityGraphType()
    {
        Name = "CashActivity";
        Description = "A non-trade activity: deposit, withdrawal, journal, dividend, fee, interest, split, … netAmount is signed.";
        ActivityFields.AddTo(this);
        Field<StringGraphType>("date").Description("YYYY-MM-DD: the activity's or its settlement's day.")
            .Resolve(c => c.Source.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<DecimalStringGraphType>("netAmount").Description("Cash in (positive) or out (negative).").Resolve(c => c.Source.NetAmount);
        Field<StringGraphType>("symbol").Resolve(c => c.Source.Symbol);
        Field<DecimalStringGraphType>("qty").Resolve(c => c.Source.Qty);
        Field<DecimalStringGraphType>("perShareAmount").Description("Dividends: the amount per share.").Resolve(c => c.Source.PerShareAmount);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<StringGraphType>("status").Description("executed, correct or canceled.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        IsTypeOf = o => o is AlpacaActivity { IsTrade: false };
        Interface<ActivityInterfaceGraphType>();
    }
}

/// <summary>The fields every activity has, on the interface and on both object types.</summary>
internal static class ActivityFields
{
    public static void AddTo(ObjectGraphType<AlpacaActivity> type)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Alpaca's activity id; stable.").Resolve(c => c.Source.Id);
        type.Field<NonNullGraphType<StringGraphType>>("activityType")
            .Description("Alpaca's type code (FILL, DIV, CSD, CSW, JNLC, FEE, SPLIT, …); an open set.").Resolve(c => c.Source.ActivityType);
        type.Field<StringGraphType>("subType").Description("Alpaca's activity_sub_type, e.g. CDIV, REG, FSPLIT.").Resolve(c => c.Source.SubType);
        type.Field<DateTimeOffsetGraphType>("occurredAt").Description("When it happened (a fill) or was recorded (anything else).")
            .Resolve(c => c.Source.TransactionTime ?? c.Source.CreatedAt);
    }
}

internal sealed class ActivityConnectionGraphType : ObjectGraphType<Connection<AlpacaActivity>>
{
    public ActivityConnectionGraphType()
    {
        Name = "ActivityConnection";
        Description = "A page of the account's activities, newest first (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

internal sealed class ActivityEdgeGraphType : ObjectGraphType<Edge<AlpacaActivity>>
{
    public ActivityEdgeGraphType()
    {
        Name = "ActivityEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this activity. Opaque.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ActivityInterfaceGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
