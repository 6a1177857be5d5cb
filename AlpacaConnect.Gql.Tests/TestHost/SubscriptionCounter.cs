using AlpacaConnect.Gql.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>
/// Counts subscriptions to a host's event bus (<see cref="Install"/>), so a test can wait until a GraphQL
/// subscription is live: a socket's <c>subscribe</c> is handled asynchronously and has no reply of its own.
/// </summary>
internal sealed class SubscriptionCounter
{
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes once <paramref name="count"/> subscriptions were made (fails after a generous safety timeout).</summary>
    public Task WhenAtLeastAsync(int count)
    {
        lock (_waiters)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Wraps the bus the host would use (<paramref name="bus"/> resolves it) with this counter.</summary>
    public ApiFactory Install(ApiFactory host, Func<IServiceProvider, IEventBus> bus) =>
        host.WithServices(services => services.AddSingleton<IEventBus>(provider => new CountingBus(bus(provider), this)));

    private void Increment()
    {
        lock (_waiters)
        {
            _count++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }

    private sealed class CountingBus(IEventBus inner, SubscriptionCounter counter) : IEventBus
    {
        public void Publish<TEvent>(TEvent domainEvent)
            where TEvent : class => inner.Publish(domainEvent);

        public IObservable<TEvent> Events<TEvent>()
            where TEvent : class => new Counted<TEvent>(inner.Events<TEvent>(), counter);
    }

    private sealed class Counted<TEvent>(IObservable<TEvent> inner, SubscriptionCounter counter) : IObservable<TEvent>
    {
        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            var subscription = inner.Subscribe(observer);
            counter.Increment();
            return subscription;
        }
    }
}
