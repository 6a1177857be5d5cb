using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The replacement order for the key (REJECTED or UNKNOWN with an error), or why there is none.</summary>
internal sealed record ReplaceOrderPayload(Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public static ReplaceOrderPayload Failed(IEnumerable<PayloadError> errors) => new(null, errors.ToList());

    public static ReplaceOrderPayload Failed(PayloadError error) => new(null, [error]);
}
