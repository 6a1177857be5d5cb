using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>A request that never reaches the GraphQL engine, with the HTTP status it earns (and its <c>Allow</c> or <c>Retry-After</c>).</summary>
internal sealed record TransportError(int StatusCode, string Code, string Message, string? Allow = null, int? RetryAfterSeconds = null)
{
    public static TransportError MethodNotAllowed(string allow, string message) =>
        new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, message, allow);

    public static TransportError NotAcceptable() =>
        new(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
            "Accept must allow application/graphql-response+json, application/json or text/event-stream.");

    public static TransportError UnsupportedMediaType() =>
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
            "POST bodies must be application/json (UTF-8).");

    public static TransportError TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
            $"The request body is larger than {limit} bytes.");

    public static TransportError Batching() =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BatchingNotSupported,
            "Batched requests (JSON arrays) are not supported; send one operation per request.");

    public static TransportError BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);
}
