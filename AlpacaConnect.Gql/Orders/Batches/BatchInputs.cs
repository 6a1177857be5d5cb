using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders.Batches;

internal sealed record CancelAllOrdersInput
{
    public string IdempotencyKey { get; init; } = "";
}

internal sealed record CloseAllPositionsInput
{
    public string IdempotencyKey { get; init; } = "";

    public bool CancelOrders { get; init; }
}

internal sealed class CancelAllOrdersInputType : InputObjectGraphType<CancelAllOrdersInput>
{
    public CancelAllOrdersInputType()
    {
        Name = "CancelAllOrdersInput";
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Chosen by the app per tap, reused on every retry: a retry answers for the orders of the first attempt and sends no cancel Alpaca already accepted.");
    }
}

internal sealed class CloseAllPositionsInputType : InputObjectGraphType<CloseAllPositionsInput>
{
    public CloseAllPositionsInputType()
    {
        Name = "CloseAllPositionsInput";
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Chosen by the app per tap, reused on every retry: a retry answers for the positions of the first attempt and closes none of them twice.");
        Field<NonNullGraphType<BooleanGraphType>>("cancelOrders")
            .DefaultValue(false)
            .Description("Cancel the account's open orders first (as `cancelAllOrders`): shares held for open orders cannot be sold.");
    }
}
