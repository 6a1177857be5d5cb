using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// The event bus across server instances: an event is delivered to this process's observers at once (as in process)
/// and published on Redis as JSON on the channel <c>{prefix}:events:{event type}</c>; every other instance delivers it
/// to its own observers. Each message carries the id of the instance that sent it, so an instance ignores its own
/// messages and a local subscriber sees every event exactly once. Redis pub/sub delivers at most once: an instance
/// cut off from Redis misses what was published meanwhile (what matters is in the database).
/// </summary>
/// <remarks>
/// Events must be JSON-serializable (records of plain values). Only types someone in this process publishes or
/// observes are ever deserialized: a channel name never makes the bus load a type.
/// </remarks>
internal sealed partial class RedisEventBus(
    RedisConnection redis,
    InProcessEventBus local,
    IOptions<EventBusOptions> options,
    ILogger<RedisEventBus> logger) : IEventBus
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly string _channelPrefix = $"{options.Value.Redis.ChannelPrefix}:events:";
    private readonly ConcurrentDictionary<string, Action<JsonElement>> _deliverers = new(StringComparer.Ordinal);
    private ChannelMessageQueue? _subscription;

    /// <summary>True once the bus hears other instances (the readiness check asks).</summary>
    public bool IsSubscribed => _subscription is not null;

    public void Publish<TEvent>(TEvent domainEvent)
        where TEvent : class
    {
        var name = Register<TEvent>();
        local.Publish(domainEvent);
        var message = JsonSerializer.SerializeToUtf8Bytes(new Envelope<TEvent>(_origin, domainEvent), Json);
        _ = SendAsync(name, message);
    }

    public IObservable<TEvent> Events<TEvent>()
        where TEvent : class
    {
        Register<TEvent>();
        return local.Events<TEvent>();
    }

    /// <summary>Subscribes to every event channel of the prefix; messages are then handled one at a time, in order.</summary>
    public async Task<bool> TrySubscribeAsync()
    {
        try
        {
            var multiplexer = await redis.GetAsync();
            var queue = await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(_channelPrefix + "*"));
            queue.OnMessage(Receive);
            _subscription = queue;
            return true;
        }
        catch (RedisException e)
        {
            LogSubscribeFailed(logger, e);
            return false;
        }
    }

    private string Register<TEvent>()
        where TEvent : class
    {
        var name = typeof(TEvent).FullName!;
        _deliverers.GetOrAdd(name, _ => element => local.Publish(element.Deserialize<TEvent>(Json)!));
        return name;
    }

    private async Task SendAsync(string name, byte[] message)
    {
        try
        {
            var multiplexer = await redis.GetAsync();
            await multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(_channelPrefix + name), message);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, name, e);
        }
    }

    private void Receive(ChannelMessage message)
    {
        var channel = message.Channel.ToString();
        var name = channel.StartsWith(_channelPrefix, StringComparison.Ordinal) ? channel[_channelPrefix.Length..] : "";
        if (!_deliverers.TryGetValue(name, out var deliver))
        {
            return; // Nobody in this process publishes or observes this type.
        }

        try
        {
            using var document = JsonDocument.Parse((ReadOnlyMemory<byte>)message.Message);
            var root = document.RootElement;
            if (root.GetProperty("origin").GetString() != _origin)
            {
                deliver(root.GetProperty("event"));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadable(logger, name, e);
        }
    }

    private sealed record Envelope<TEvent>(string Origin, TEvent Event);

    [LoggerMessage(EventId = 3500, Level = LogLevel.Warning, Message = "Subscribing to the Redis event channels failed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "An event {EventType} was not sent to the other instances")]
    private static partial void LogPublishFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Error, Message = "An event {EventType} from Redis could not be read")]
    private static partial void LogUnreadable(ILogger logger, string eventType, Exception exception);
}
