using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AlpacaConnect.Gql.Events;

/// <summary>Delivers each event synchronously to the observers of its type in this process.</summary>
internal sealed partial class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly ConcurrentDictionary<Type, object> _subjects = new();

    public void Publish<TEvent>(TEvent domainEvent)
        where TEvent : class => Subject<TEvent>().Publish(domainEvent, logger);

    public IObservable<TEvent> Events<TEvent>()
        where TEvent : class => Subject<TEvent>();

    private EventSubject<TEvent> Subject<TEvent>()
        where TEvent : class => (EventSubject<TEvent>)_subjects.GetOrAdd(typeof(TEvent), _ => new EventSubject<TEvent>());

    private sealed class EventSubject<TEvent> : IObservable<TEvent>
    {
        private ImmutableArray<IObserver<TEvent>> _observers = [];

        public IDisposable Subscribe(IObserver<TEvent> observer)
        {
            ImmutableInterlocked.Update(ref _observers, list => list.Add(observer));
            return new Unsubscriber(() => ImmutableInterlocked.Update(ref _observers, list => list.Remove(observer)));
        }

        public void Publish(TEvent domainEvent, ILogger logger)
        {
            foreach (var observer in _observers)
            {
                try
                {
                    observer.OnNext(domainEvent);
                }
                catch (Exception e)
                {
                    // One failing subscriber must not keep the event from the others.
                    LogObserverFailed(logger, typeof(TEvent).Name, e);
                }
            }
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "An observer of {EventType} failed")]
    private static partial void LogObserverFailed(ILogger logger, string eventType, Exception exception);
}
