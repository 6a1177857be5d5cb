using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.GraphQL.Limits;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The WebSocket handshake on the GraphQL path: checks the origin and picks the sub-protocol before accepting,
/// then runs one <see cref="GraphQLWebSocketSession"/> until the socket closes. Of the sub-protocols a client offers,
/// the server's preferred one wins (<c>graphql-transport-ws</c>, then the legacy <c>graphql-ws</c>).
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    SessionServices services,
    IEnumerable<SocketProtocol> protocols,
    OriginPolicy origins,
    GraphQLResponseWriter writer,
    IOptions<GraphQLWebSocketOptions> options,
    IHostApplicationLifetime lifetime)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!origins.Allows(context.Request))
        {
            await writer.WriteErrorAsync(context, new TransportError(
                StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This origin may not open GraphQL sockets."));
            return;
        }

        var requested = context.WebSockets.WebSocketRequestedProtocols;
        if (protocols.FirstOrDefault(p => requested.Contains(p.Name, StringComparer.Ordinal)) is not { } protocol)
        {
            await writer.WriteErrorAsync(context, TransportError.BadRequest(
                $"WebSocket clients must offer the '{MessageTypes.SubProtocol}' or the legacy '{LegacyWsProtocol.SubProtocol}' sub-protocol."));
            return;
        }

        // A handshake is a request to /graphql too: it takes a permit from its address's bucket before anything else.
        var ip = context.Connection.RemoteIpAddress;
        if (services.Rates.TryAcquire(null, ip) is { } retryAfter)
        {
            await writer.WriteErrorAsync(context, RateLimitedErrors.ForHttp(retryAfter));
            return;
        }

        var (socketLease, refusal) = services.Admission.TryAdmit(ip);
        if (socketLease is null)
        {
            await writer.WriteErrorAsync(context, RateLimitedErrors.SocketRefused(refusal == SocketRefusal.ServerFull));
            return;
        }

        var settings = options.Value;
        using var limits = new SessionLimits(socketLease, ip, services.Admission, services.Rates, services.Time, settings);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = protocol.Name,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : settings.KeepAliveTimeout,
        });
        using var session = new GraphQLWebSocketSession(socket, protocol, services, limits, context.RequestAborted);
        using var stopping = lifetime.ApplicationStopping.Register(() => session.Close(CloseCodes.ServerShuttingDown));
        await session.RunAsync();
    }
}
