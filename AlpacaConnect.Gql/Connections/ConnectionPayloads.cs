using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Connections;

internal sealed record ConnectAlpacaPayload(Uri? AuthorizationUrl, DateTimeOffset? ExpiresAt, IReadOnlyList<PayloadError> Errors)
{
    public static ConnectAlpacaPayload Failed(PayloadError error) => new(null, null, [error]);
}

internal sealed record CompleteAlpacaConnectionPayload(AlpacaConnectionView? Connection, IReadOnlyList<PayloadError> Errors)
{
    public static CompleteAlpacaConnectionPayload Failed(PayloadError error) => new(null, [error]);
}

internal sealed record DisconnectAlpacaPayload(AlpacaConnectionView? Connection, IReadOnlyList<PayloadError> Errors);
