using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

public sealed record CancelOrderPayload(Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public static CancelOrderPayload Failed(PayloadError error) => new(null, [error]);
}
