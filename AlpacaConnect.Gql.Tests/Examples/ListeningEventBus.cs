using AlpacaConnect.Gql.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Examples;

/// <summary>
/// The app's event bus, counting live subscriptions to it. A socket's <c>subscribe</c> is executed in the
/// background, so a test that starts a subscription waits here until it is listening before it makes the
/// event happen; otherwise the event could be published first and never arrive.
/// </summary>
internal sealed class ListeningEventBus(IEventBus inner) : IEventBus
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);
    private int _listeners;

    public int Listeners => Volatile.Read(ref _listeners);

    /// <summary>Wraps the bus registered by the app.</summary>
    public static void Install(IServiceCollection services)
    {
        var app = services.Last(d => d.ServiceType == typeof(IEventBus));
        services.Remove(app);
        services.AddSingleton(provider => new ListeningEventBus(app switch
        {
            { ImplementationInstance: IEventBus instance } => instance,
            { ImplementationFactory: { } factory } => (IEventBus)factory(provider),
            _ => (IEventBus)ActivatorUtilities.CreateInstance(provider, app.ImplementationType!),
        }));
        services.AddSingleton<IEventBus>(provider => provider.GetRequiredService<ListeningEventBus>());
    }

    public void Publish<TEvent>(TEvent domainEvent)
        where TEvent : class => inner.Publish(domainEvent);

    public IObservable<TEvent> Events<TEvent>()
        where TEvent : class => new Counted<TEvent>(inner.Events<TEvent>(), this);

    /// <summary>Returns once more than <paramref name="count"/> subscriptions listen.</summary>
    public async Task WaitForMoreThanAsync(int count)
    {
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        while (Listeners <= count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    private sealed class Counted<TEvent>(IObservable<TEvent> source, ListeningEventBus bus) : IObservable<TEvent>
    {
        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            var subscription = source.Subscribe(observer);
            Interlocked.Increment(ref bus._listeners);
            return new Unsubscriber(() =>
            {
                subscription.Dispose();
                Interlocked.Decrement(ref bus._listeners);
            });
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
