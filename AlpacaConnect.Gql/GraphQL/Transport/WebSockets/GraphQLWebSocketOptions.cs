using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.GraphQL.Transport.WebSockets;

/// <summary>
/// The WebSocket endpoint on the GraphQL path, in <c>graphql-transport-ws</c> and the legacy <c>graphql-ws</c>
/// (configuration section <c>GraphQL:WebSockets</c>).
/// </summary>
internal sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSockets";

    /// <summary>
    /// Browser origins (<c>scheme://host[:port]</c>) allowed to open a socket. A handshake whose <c>Origin</c> is
    /// not listed gets 403. Empty: any origin in Development, none outside it. Requests without an
    /// <c>Origin</c> header (mobile apps, servers) are not affected; they authenticate in <c>connection_init</c>.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Time a client has after the handshake to send <c>connection_init</c>; then the socket is closed with 4408.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages waiting to be sent to one socket. A client that falls this far behind is closed with
    /// 1013 "Outbound queue full" rather than slowing the server or the other subscribers down; it should
    /// reconnect and refetch what it shows.
    /// </summary>
    [Range(1, 100_000)]
    public int OutboundQueueCapacity { get; set; } = 512;

    /// <summary>
    /// Bytes waiting to be sent to one socket, over all queued messages: a client that stops reading while large
    /// results pile up is closed with 1013 "Outbound queue full" before it holds more of the server's memory.
    /// </summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxOutboundBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Open sockets this server instance accepts in all; one more handshake gets HTTP 503 with <c>CONNECTION_LIMIT_EXCEEDED</c>.</summary>
    [Range(1, 1_000_000)]
    public int MaxSockets { get; set; } = 20_000;

    /// <summary>Open sockets one IP address may hold; one more handshake gets HTTP 429 with <c>CONNECTION_LIMIT_EXCEEDED</c>.</summary>
    [Range(1, 1_000_000)]
    public int MaxSocketsPerIp { get; set; } = 100;

    /// <summary>
    /// Sockets acknowledged without a token, over all addresses. Anonymous sockets run only what anonymous HTTP
    /// may; one more anonymous <c>connection_init</c> is closed with 1013 "Try again later".
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxAnonymousSockets { get; set; } = 200;

    /// <summary>
    /// Queries and mutations one socket may run at once. At the limit the server stops reading the socket until one
    /// finishes (back-pressure through TCP), so nothing sent is dropped. Subscriptions have their own limits below.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxInFlightOperationsPerSocket { get; set; } = 32;

    /// <summary>Active subscriptions one socket may hold; one more gets an <c>error</c> with <c>SUBSCRIPTION_LIMIT_EXCEEDED</c>.</summary>
    [Range(1, 10_000)]
    public int MaxSubscriptionsPerSocket { get; set; } = 50;

    /// <summary>
    /// Active subscriptions one signed-in user may hold over all sockets and Server-Sent Events streams to this server
    /// instance (one quota for both transports).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerUser { get; set; } = 100;

    /// <summary>Largest message a client may send, in bytes; a larger one closes the socket with 4400.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Interval of WebSocket-level pings that keep idle connections open through proxies, and of the legacy
    /// <c>graphql-ws</c> protocol's <c>ka</c> messages; zero turns both off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Time to wait for the pong of a keep-alive ping before the peer is considered gone and the socket
    /// aborted; zero waits forever. Frees the resources of clients that vanished without closing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time the closing handshake may take before the connection is dropped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
