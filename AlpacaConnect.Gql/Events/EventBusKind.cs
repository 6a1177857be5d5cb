namespace AlpacaConnect.Gql.Events;

internal enum EventBusKind
{
    /// <summary>Events reach this process's subscribers only: one server instance.</summary>
    InProcess,

    /// <summary>Events also reach the subscribers of every instance on the same Redis (pub/sub).</summary>
    Redis,
}
