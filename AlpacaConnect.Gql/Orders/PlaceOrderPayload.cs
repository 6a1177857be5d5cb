using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The order (when one exists for the key) and why it is not placed (when it is not).</summary>
internal sealed record PlaceOrderPayload(Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public static PlaceOrderPayload Failed(IEnumerable<PayloadError> errors) => new(null, errors.ToList());

    public static PlaceOrderPayload Failed(PayloadError error) => new(null, [error]);
}
