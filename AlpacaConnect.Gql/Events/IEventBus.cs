namespace AlpacaConnect.Gql.Events;

/// <summary>
/// Domain events between features and to GraphQL subscriptions. In-process by default; a Redis or
/// PostgreSQL implementation can carry events between instances behind the same interface.
/// </summary>
internal interface IEventBus
{
    void Publish<TEvent>(TEvent domainEvent)
        where TEvent : class;

    IObservable<TEvent> Events<TEvent>()
        where TEvent : class;
}
