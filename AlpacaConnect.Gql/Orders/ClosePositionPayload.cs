using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

internal sealed record ClosePositionPayload(Order? Order, IReadOnlyList<PayloadError> Errors)
{
    public static ClosePositionPayload Failed(IEnumerable<PayloadError> errors) => new(null, errors.ToList());

    public static ClosePositionPayload Failed(PayloadError error) => new(null, [error]);
}
