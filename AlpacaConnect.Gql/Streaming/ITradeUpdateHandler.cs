using AlpacaConnect.Gql.Alpaca;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>What the supervisor does with an account's stream: implemented by the Orders feature.</summary>
internal interface ITradeUpdateHandler
{
    /// <summary>Records the update on the order it reports; false when no order placed here matches it (yet).</summary>
    Task<bool> ApplyAsync(StreamTarget target, AlpacaTradeUpdate update, CancellationToken cancellationToken);

    /// <summary>Brings every open order of the account up to date over REST (after a (re)connect, and while no stream can be held).</summary>
    Task ReconcileAsync(StreamTarget target, CancellationToken cancellationToken);

    /// <summary>Whether the account holds orders that may still change at Alpaca.</summary>
    Task<bool> HasOpenOrdersAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>Whether an order of the account waits for its Alpaca ids (an unmatched update may be its own).</summary>
    Task<bool> HasUnlinkedOrdersAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>The connections with open orders, watched from start-up on.</summary>
    Task<IReadOnlyList<Guid>> ConnectionsToWatchAsync(CancellationToken cancellationToken);
}

/// <summary>An account the supervisor streams for: the connection and its owner, read afresh at every (re)connect.</summary>
/// <summary>A connection whose stream is held, with the Alpaca account it points at: only that account's orders are matched.</summary>
internal sealed record StreamTarget(string UserId, AlpacaConnectionRef Connection, string? AccountId = null);

/// <summary>Finds a usable connection for the supervisor: implemented by the Connections feature.</summary>
internal interface IStreamTargets
{
    /// <summary>The connection when it is connected and usable; null when disconnected or needing reauthorization.</summary>
    Task<StreamTarget?> FindAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>The user's usable connection, or null.</summary>
    Task<StreamTarget?> FindForUserAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Tells the supervisor an account needs its stream: an order was saved, a subscriber arrived.</summary>
internal interface IStreamDemand
{
    /// <summary>Makes sure the account's stream is (being) held.</summary>
    void Watch(Guid connectionId);

    /// <summary>Holds the user's account stream open for as long as the returned handle is not disposed.</summary>
    IDisposable Attach(string userId);
}
