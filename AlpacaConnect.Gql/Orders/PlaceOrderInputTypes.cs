using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class PlaceOrderInputType : InputObjectGraphType<PlaceOrderInput>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Chosen by the app per order the user means to place (e.g. a UUID), reused on every retry of it. The same key always yields the same order; with another input it is refused.");
        Field<NonNullGraphType<StringGraphType>>("symbol");
        Field<NonNullGraphType<OrderSideGraphType>>("side");
        Field<NonNullGraphType<OrderTypeGraphType>>("type");
        Field<NonNullGraphType<TimeInForceGraphType>>("timeInForce");
        Field<DecimalStringGraphType>("qty").Description("Shares; give this or `notional`.");
        Field<DecimalStringGraphType>("notional").Description("Dollar amount; market or limit DAY orders only.");
        Field<DecimalStringGraphType>("limitPrice").Description("Required for LIMIT and STOP_LIMIT.");
        Field<DecimalStringGraphType>("stopPrice").Description("Required for STOP and STOP_LIMIT.");
        Field<DecimalStringGraphType>("trailPrice").Description("TRAILING_STOP: this or `trailPercent`.");
        Field<DecimalStringGraphType>("trailPercent").Description("TRAILING_STOP: this or `trailPrice`.");
        Field<NonNullGraphType<BooleanGraphType>>("extendedHours").DefaultValue(false)
            .Description("Also work outside regular hours: LIMIT orders with DAY or GTC only.");
        Field<NonNullGraphType<OrderClassGraphType>>("orderClass").DefaultValue(OrderClass.Simple);
        Field<TakeProfitInputType>("takeProfit").Description("BRACKET, OCO, OTO: the take-profit leg.");
        Field<StopLossInputType>("stopLoss").Description("BRACKET, OCO, OTO: the stop-loss leg.");
    }
}

internal sealed class TakeProfitInputType : InputObjectGraphType<TakeProfitInput>
{
    public TakeProfitInputType()
    {
        Name = "TakeProfitInput";
        Field<NonNullGraphType<DecimalStringGraphType>>("limitPrice");
    }
}

internal sealed class StopLossInputType : InputObjectGraphType<StopLossInput>
{
    public StopLossInputType()
    {
        Name = "StopLossInput";
        Field<NonNullGraphType<DecimalStringGraphType>>("stopPrice");
        Field<DecimalStringGraphType>("limitPrice").Description("Makes the stop-loss a stop-limit.");
    }
}
