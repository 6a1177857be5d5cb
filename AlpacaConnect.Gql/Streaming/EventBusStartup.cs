using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// Subscribes the Redis bus before the server takes requests. When Redis does not answer, the server starts anyway
/// (its readiness check failing) and keeps trying in the background, with backoff.
/// </summary>
internal sealed class EventBusStartup(IOptions<EventBusOptions> options, IServiceProvider services, TimeProvider time) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EventBus != EventBusKind.Redis)
        {
            return;
        }

        var redis = services.GetRequiredService<RedisEventBus>();
        if (!await redis.TrySubscribeAsync())
        {
            _retrying = RetryAsync(redis, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(RedisEventBus redis, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        try
        {
            do
            {
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
            while (!await redis.TrySubscribeAsync());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
