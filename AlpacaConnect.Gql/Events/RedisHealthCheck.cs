using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlpacaConnect.Gql.Events;

/// <summary>Ready only when Redis answers and the bus hears the other instances.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis, RedisEventBus bus) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var multiplexer = await redis.GetAsync();
        if (!multiplexer.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Redis is not connected.");
        }

        try
        {
            await multiplexer.GetDatabase().PingAsync();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.");
        }

        return bus.IsSubscribed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The event bus is not subscribed yet.");
    }
}
