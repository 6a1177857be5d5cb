using AlpacaConnect.Gql.GraphQL.Scalars;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Which position to close and how much of it: a quantity or a percentage, not both (facts 2.9).</summary>
internal sealed record ClosePositionInput
{
    public string Symbol { get; init; } = "";
    public decimal? Qty { get; init; }
    public decimal? Percentage { get; init; }
    public string IdempotencyKey { get; init; } = "";

    public string NormalizedSymbol => Symbol.Trim().ToUpperInvariant();
}

internal sealed class ClosePositionInputType : InputObjectGraphType<ClosePositionInput>
{
    public ClosePositionInputType()
    {
        Name = "ClosePositionInput";
        Field<NonNullGraphType<StringGraphType>>("symbol");
        Field<DecimalStringGraphType>("qty").Description("Shares to close; give this or `percentage`.");
        Field<DecimalStringGraphType>("percentage").Description("Part of the position to close, above 0 and at most 100; give this or `qty`.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Chosen by the app per close the user means to make, reused on every retry of it: it returns the first attempt's order instead of closing again. Shares its namespace with placeOrder's keys.");
    }
}
