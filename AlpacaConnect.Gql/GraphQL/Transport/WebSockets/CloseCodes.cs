using System.Net.WebSockets;
using System.Text;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>A reason to close a socket: the code the client sees and a short human-readable reason.</summary>
internal readonly record struct CloseStatus(int Code, string Reason)
{
    /// <summary>RFC 6455 limits the reason to 123 bytes of UTF-8.</summary>
    public string SafeReason
    {
        get
        {
            var reason = Reason;
            while (Encoding.UTF8.GetByteCount(reason) > 123)
            {
                reason = reason[..^1];
            }

            return reason;
        }
    }

    public WebSocketCloseStatus Status => (WebSocketCloseStatus)Code;
}

/// <summary>
/// Every close code this server sends. 44xx are the <c>graphql-transport-ws</c> protocol's own
/// (graphql-ws <c>CloseCode</c>); the others are RFC 6455 codes. The legacy <c>graphql-ws</c> protocol gets the same
/// codes, each after a <c>connection_error</c> (decision 0028). A handshake that offers neither sub-protocol is
/// refused with HTTP 400 before any socket exists, so 4406 is never sent. The graphql-ws client reconnects after
/// 4403, 4408, 1001 and 1013 and gives up after 4400, 4401, 4406, 4409, 4429 and 4500.
/// </summary>
internal static class CloseCodes
{
    public static CloseStatus NormalClosure { get; } = new(1000, "Normal closure");

    /// <summary>The server is shutting down; reconnect to another instance.</summary>
    public static CloseStatus ServerShuttingDown { get; } = new(1001, "Server shutting down");

    /// <summary>The client read too slowly and its outbound queue filled up; reconnect and refetch.</summary>
    public static CloseStatus OutboundQueueFull { get; } = new(1013, "Outbound queue full");

    /// <summary>
    /// Too many anonymous sockets are open on this instance (RFC 6455's "Try Again Later"); sign in or retry later.
    /// A handshake over the global or per-address socket cap never becomes a socket: it gets HTTP 503 or 429 instead.
    /// </summary>
    public static CloseStatus AnonymousLimitReached { get; } = new(1013, "Try again later: too many anonymous connections");

    public static CloseStatus BadRequest(string reason) => new(4400, reason);

    public static CloseStatus Unauthorized { get; } = new(4401, "Unauthorized");

    public static CloseStatus InvalidToken { get; } = new(4403, "Forbidden: invalid token");

    /// <summary>The token of <c>connection_init</c> expired; reconnect with a fresh one.</summary>
    public static CloseStatus TokenExpired { get; } = new(4403, "Forbidden: token expired");

    public static CloseStatus ConnectionInitialisationTimeout { get; } = new(4408, "Connection initialisation timeout");

    public static CloseStatus SubscriberAlreadyExists(string id) => new(4409, $"Subscriber for {id} already exists");

    public static CloseStatus TooManyInitialisationRequests { get; } = new(4429, "Too many initialisation requests");

    public static CloseStatus InternalServerError { get; } = new(4500, "Internal server error");
}
