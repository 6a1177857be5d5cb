using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Transport;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>The answers to a caller over an edge limit: <c>RATE_LIMITED</c> with the whole seconds to wait.</summary>
internal static class RateLimitedErrors
{
    private const string Message = "Too many requests; try again after retryAfter seconds.";

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    /// <summary>For an operation on a socket, sent as its <c>error</c> message.</summary>
    public static ApiException Create(TimeSpan retryAfter) => new(ErrorCodes.RateLimited, Message,
        new Dictionary<string, object?> { ["retryAfter"] = Seconds(retryAfter) });

    /// <summary>For HTTP: 429 with <c>Retry-After</c> (RFC 9110 §10.2.3), before the body is read.</summary>
    public static TransportError ForHttp(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, Message, RetryAfterSeconds: Seconds(retryAfter));

    /// <summary>A socket handshake over a socket cap: 503 when the instance is full, 429 when the caller's address is.</summary>
    public static TransportError SocketRefused(bool serverFull) => serverFull
        ? new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ConnectionLimitExceeded,
            "This server holds as many GraphQL sockets as it accepts; try again later or another instance.", RetryAfterSeconds: 5)
        : new(StatusCodes.Status429TooManyRequests, ErrorCodes.ConnectionLimitExceeded,
            "This address holds as many GraphQL sockets as it may; close one first.", RetryAfterSeconds: 5);
}
