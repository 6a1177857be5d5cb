using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// The process's one Redis multiplexer, connected on first use. It does not give up when Redis is down at start-up:
/// it keeps reconnecting (and resubscribing) in the background, and the readiness check says so meanwhile.
/// </summary>
internal sealed class RedisConnection(IOptions<EventBusOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer = new(async () =>
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "alpaca-connect";
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    });

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            await _multiplexer.Value.Result.DisposeAsync();
        }
    }
}
