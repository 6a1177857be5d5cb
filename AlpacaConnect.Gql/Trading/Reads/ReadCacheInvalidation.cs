using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// Forgets a connection's reads whenever it changes (reconnected, perhaps to another Alpaca account; disconnected;
/// reauth required), so a cached read never outlives the link it was made through.
/// </summary>
internal sealed class ReadCacheInvalidation(IEventBus events, ConnectionReadCache cache) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Events<AlpacaConnectionChanged>().Subscribe(new Observer(cache));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _subscription, null)?.Dispose();

    private sealed class Observer(ConnectionReadCache cache) : IObserver<AlpacaConnectionChanged>
    {
        public void OnNext(AlpacaConnectionChanged value) => cache.Invalidate(value.ConnectionId);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
