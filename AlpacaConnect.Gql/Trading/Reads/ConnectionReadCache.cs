using System.Collections.Concurrent;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// Upstream reads per connection, reused for a short time and shared while in flight (single flight): N concurrent
/// identical reads make one call. Failures are never kept. Keys are (connection, what); a key always holds one type.
/// Bounded: when a new key would pass <paramref name="maxEntries"/>, expired entries go first, then the oldest completed
/// reads, down to nine tenths of the bound (so that a full cache is not swept on every miss). Reads in flight are never
/// evicted: their callers are waiting on them, and request limits bound how many there are.
/// </summary>
internal sealed class ConnectionReadCache(TimeProvider time, int maxEntries = ReadCacheOptions.DefaultMaxEntries)
{
    private readonly TimeProvider _time = time;
    private readonly ConcurrentDictionary<(Guid ConnectionId, string What), Entry> _entries = new();
    private readonly Lock _trimming = new();

    /// <summary>Entries held now, expired or not.</summary>
    public int Count => _entries.Count;

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
            if (!_entries.TryGetValue(key, out var entry))
            {
                var created = new Entry(async () => await load(), ttl, _time, failed => _entries.TryRemove(KeyValuePair.Create(key, failed)));
                if (!_entries.TryAdd(key, created))
                {
                    continue; // another caller added this key first: share its read
                }

                entry = created;
                TrimIfFull();
            }

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

    private void TrimIfFull()
    {
        if (_entries.Count <= maxEntries || !_trimming.TryEnter())
        {
            return;
        }

        try
        {
            var keep = maxEntries - (maxEntries / 10);
            var completed = new List<(long CompletedAt, KeyValuePair<(Guid, string), Entry> Pair)>();
            foreach (var pair in _entries)
            {
                if (pair.Value.IsExpired())
                {
                    _entries.TryRemove(pair);
                }
                else if (pair.Value.CompletedAt is { } completedAt)
                {
                    completed.Add((completedAt, pair));
                }
            }

            var excess = _entries.Count - keep;
            foreach (var (_, pair) in completed.OrderBy(c => c.CompletedAt).Take(Math.Max(0, excess)))
            {
                _entries.TryRemove(pair);
            }
        }
        finally
        {
            _trimming.Exit();
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

        /// <summary>When the read succeeded (a timestamp), or null while it is in flight.</summary>
        public long? CompletedAt => Interlocked.Read(ref _completedAt) is var at && at != Pending ? at : null;

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
