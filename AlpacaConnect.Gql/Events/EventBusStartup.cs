using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// Subscribes the Redis bus before the server takes requests. When Redis does not answer, the server starts anyway
/// (its readiness check failing) and keeps trying in the background, with backoff.
/// </summary>
internal sealed class EventBusStartup(IOptions<EventBusOptions> options, IServiceProvider services, TimeProvider time) : BackgroundService
{
    private RedisEventBus? _redis;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EventBus != EventBusKind.Redis)
        {
            return;
        }

        _redis = services.GetRequiredService<RedisEventBus>();
        if (!await _redis.TrySubscribeAsync())
        {
            await base.StartAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        do
        {
            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
        while (!await _redis!.TrySubscribeAsync());
    }
}
