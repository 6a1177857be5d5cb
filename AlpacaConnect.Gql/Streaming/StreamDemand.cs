namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// Who needs an account's stream: an order saved here (<see cref="Watch"/>) or a live subscriber (<see cref="Attach"/>).
/// Apart from the supervisor so that the order store can report demand without depending on the supervisor, which
/// depends on the Orders feature's handler: the two are joined when the supervisor starts, not by a late lookup.
/// </summary>
internal sealed class StreamDemand : IStreamDemand
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _subscribers = new(StringComparer.Ordinal);
    private volatile Sink? _sink;

    /// <summary>Called by the supervisor: from now on demand reaches it. Before that there is nothing to wake.</summary>
    public void Connect(Action<Guid> watch, Action<string> watchUser) => _sink = new Sink(watch, watchUser);

    public void Watch(Guid connectionId) => _sink?.Watch(connectionId);

    public IDisposable Attach(string userId)
    {
        lock (_gate)
        {
            _subscribers[userId] = _subscribers.GetValueOrDefault(userId) + 1;
        }

        _sink?.WatchUser(userId);
        return new Detacher(this, userId);
    }

    /// <summary>Whether a subscriber holds the user's stream.</summary>
    public bool IsAttached(string userId)
    {
        lock (_gate)
        {
            return _subscribers.ContainsKey(userId);
        }
    }

    /// <summary>The users a subscriber holds a stream for now.</summary>
    public IReadOnlyList<string> AttachedUsers()
    {
        lock (_gate)
        {
            return [.. _subscribers.Keys];
        }
    }

    private void Detach(string userId)
    {
        lock (_gate)
        {
            var remaining = _subscribers.GetValueOrDefault(userId) - 1;
            if (remaining > 0)
            {
                _subscribers[userId] = remaining;
            }
            else
            {
                _subscribers.Remove(userId);
            }
        }
    }

    private sealed record Sink(Action<Guid> Watch, Action<string> WatchUser);

    private sealed class Detacher(StreamDemand demand, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                demand.Detach(userId);
            }
        }
    }
}
