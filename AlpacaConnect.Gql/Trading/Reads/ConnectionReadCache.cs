using System.Collections.Concurrent;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// Upstream reads per connection, reused for a short time and shared while in flight (single flight): N concurrent
/// identical reads make one call. Failures are never kept. Keys are (connection, what); a key always holds one type.
/// An expired entry stays until its key is read again or the connection is invalidated: at most one per key.
/// </summary>
public sealed class ConnectionReadCache(TimeProvider time)
{
    private readonly TimeProvider _time = time;
    private readonly ConcurrentDictionary<(Guid ConnectionId, string What), Entry> _entries = new();

    /// <summary>
    /// The value read within <paramref name="ttl"/>, the read in flight, or a new read. The shared read runs without the
    /// caller's token, so one caller giving up never fails the others; <paramref name="cancellationToken"/> only stops
    /// this caller's wait. The Alpaca client's own timeouts bound the read.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(
        Guid connectionId, string what, TimeSpan ttl, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        var key = (connectionId, what);
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static (key, state) => new Entry(state.Load, state.Ttl, state.Cache._time,
                    failed => state.Cache._entries.TryRemove(KeyValuePair.Create(key, failed))),
                (Load: (Func<Task<object?>>)(async () => await load()), Ttl: ttl, Cache: this));
            if (entry.IsExpired())
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                continue;
            }

            return (T)(await entry.Task.WaitAsync(cancellationToken))!;
        }
    }

    /// <summary>Forgets everything read for the connection (it changed, perhaps to another account); reads in flight finish for their callers only.</summary>
    public void Invalidate(Guid connectionId) => Forget(connectionId, static _ => true);

    /// <summary>
    /// Forgets what a trade changes (cash, buying power, positions: <see cref="ReadKinds.ChangedByTrades"/>) after an
    /// order was placed, filled or canceled. Market data and the account's status flags stay.
    /// </summary>
    public void InvalidateBalances(Guid connectionId) => Forget(connectionId, ReadKinds.ChangedByTrades);

    private void Forget(Guid connectionId, Func<string, bool> what)
    {
        foreach (var key in _entries.Keys.Where(k => k.ConnectionId == connectionId && what(k.What)))
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>One read, started lazily so that only the entry that wins <c>GetOrAdd</c> calls upstream.</summary>
    private sealed class Entry
    {
        private const long Pending = long.MaxValue;
        private readonly TimeSpan _ttl;
        private readonly TimeProvider _time;
        private readonly Lazy<Task<object?>> _task;
        private long _completedAt = Pending;

        public Entry(Func<Task<object?>> load, TimeSpan ttl, TimeProvider time, Action<Entry> forget)
        {
            _ttl = ttl;
            _time = time;
            _task = new Lazy<Task<object?>>(() => RunAsync(load, forget));
        }

        public Task<object?> Task => _task.Value;

        /// <summary>Succeeded at least the time to live ago. A read in flight is never expired.</summary>
        public bool IsExpired()
        {
            var completedAt = Interlocked.Read(ref _completedAt);
            return completedAt != Pending && _time.GetElapsedTime(completedAt) >= _ttl;
        }

        private async Task<object?> RunAsync(Func<Task<object?>> load, Action<Entry> forget)
        {
            try
            {
                var value = await load();
                Interlocked.Exchange(ref _completedAt, _time.GetTimestamp());
                return value;
            }
            catch
            {
                // Failures are not cached: callers already waiting share this one, the next caller tries again.
                forget(this);
                throw;
            }
        }
    }
}
