namespace AlpacaConnect.Gql.Events;

/// <summary>How domain events travel (configuration section <c>Streaming</c>).</summary>
internal sealed class EventBusOptions
{
    public const string Section = "Streaming";

    /// <summary><c>InProcess</c> (default) or <c>Redis</c>, for several server instances behind one address.</summary>
    public EventBusKind EventBus { get; set; } = EventBusKind.InProcess;

    public RedisEventBusOptions Redis { get; set; } = new();
}

/// <summary>The Redis of the Redis event bus (<c>Streaming:Redis</c>).</summary>
internal sealed class RedisEventBusOptions
{
    /// <summary>
    /// A StackExchange.Redis configuration string (<c>host:port,password=...,ssl=true</c>); required when
    /// <c>Streaming:EventBus</c> is <c>Redis</c>. A secret when it holds a password.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Channels are named <c>{prefix}:events:{event type}</c>; the instances of one deployment share the prefix.</summary>
    public string ChannelPrefix { get; set; } = "alpaca-connect";
}
