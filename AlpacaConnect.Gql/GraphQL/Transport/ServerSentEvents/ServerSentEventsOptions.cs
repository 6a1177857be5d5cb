using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events on the GraphQL path (graphql-sse, distinct connections mode; configuration section
/// <c>GraphQL:ServerSentEvents</c>). Subscriptions count against <c>GraphQL:WebSockets:MaxSubscriptionsPerUser</c>,
/// the quota both transports share.
/// </summary>
internal sealed class ServerSentEventsOptions
{
    public const string Section = "GraphQL:ServerSentEvents";

    /// <summary>
    /// Interval of the keep-alive comment (<c>:</c>) written to every open stream, so proxies and load balancers do not
    /// close a subscription that has nothing to say. Keep it below the shortest idle timeout on the way (often 30–60 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Events waiting to be written to one stream. A client that falls this far behind has its connection aborted rather
    /// than slowing the server or the other subscribers down; the graphql-sse client then reconnects and the app refetches.
    /// </summary>
    [Range(1, 100_000)]
    public int OutboundQueueCapacity { get; set; } = 512;

    /// <summary>Bytes waiting to be written to one stream, over all its queued events; more aborts the connection too.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxOutboundBytes { get; set; } = 8 * 1024 * 1024;
}
