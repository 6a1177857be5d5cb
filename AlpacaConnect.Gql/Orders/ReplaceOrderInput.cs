using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

/// <summary>What to change on an open order (facts 2.7); fields left out keep their value.</summary>
internal sealed record ReplaceOrderInput
{
    public string OrderId { get; init; } = "";
    public string IdempotencyKey { get; init; } = "";
    public decimal? Qty { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public decimal? Trail { get; init; }
    public TimeInForce? TimeInForce { get; init; }
}

internal sealed class ReplaceOrderInputType : InputObjectGraphType<ReplaceOrderInput>
{
    public ReplaceOrderInputType()
    {
        Name = "ReplaceOrderInput";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The open order's `id` (ours, not Alpaca's).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Chosen by the app per replace the user means to make, reused on every retry of it; shares its namespace with placeOrder's keys.");
        Field<DecimalStringGraphType>("qty").Description("New quantity, whole shares (Alpaca cannot change fractional quantities).");
        Field<DecimalStringGraphType>("limitPrice").Description("LIMIT and STOP_LIMIT orders.");
        Field<DecimalStringGraphType>("stopPrice").Description("STOP and STOP_LIMIT orders.");
        Field<DecimalStringGraphType>("trail").Description("TRAILING_STOP orders: the new trail, in the order's unit (price or percent).");
        Field<TimeInForceGraphType>("timeInForce");
    }
}
