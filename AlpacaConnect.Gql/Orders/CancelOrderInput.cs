using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed record CancelOrderInput(string OrderId);

internal sealed class CancelOrderInputType : InputObjectGraphType<CancelOrderInput>
{
    public CancelOrderInputType()
    {
        Name = "CancelOrderInput";
        Field<NonNullGraphType<IdGraphType>>("orderId").Description("The order's `id` (ours, not Alpaca's).");
    }
}
