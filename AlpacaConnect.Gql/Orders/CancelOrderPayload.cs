using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

internal sealed record CancelOrderPayload(Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public static CancelOrderPayload Failed(PayloadError error) => new(null, [error]);
}
