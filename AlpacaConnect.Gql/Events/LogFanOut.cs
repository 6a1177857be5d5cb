using System.Collections.Concurrent;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// Follows a <see cref="ISequencedLog{TKey, TItem}"/> for any number of subscribers at the cost of one: per key (a
/// user), one <see cref="LogTail{TKey, TItem}"/> reads each new entry once and offers the same instance to every
/// subscriber of that key on this instance. A bus message only wakes the tail of the key it concerns, found by lookup
/// rather than by running every subscriber's filter.
/// </summary>
/// <remarks>
/// A lost or repeated bus message costs nothing but latency: the tail's next read (the next message, or its resync)
/// takes what was missed, in log order. A subscriber that resumes from an earlier position reads the log itself
/// until it reaches the tail (<see cref="LogMember{TKey, TItem}"/>).
/// </remarks>
internal sealed class LogFanOut<TKey, TWake, TItem> : IDisposable
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, LogTail<TKey, TItem>> _tails = new();
    private readonly Lock _gate = new();
    private readonly ISequencedLog<TKey, TItem> _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _resync;
    private readonly ILogger _logger;
    private readonly IDisposable _wakeups;

    public LogFanOut(
        IObservable<TWake> wakeups, Func<TWake, TKey> keyOf, ISequencedLog<TKey, TItem> log, TimeProvider time, TimeSpan resync, ILogger logger)
    {
        _log = log;
        _time = time;
        _resync = resync;
        _logger = logger;
        _wakeups = wakeups.Subscribe(new Waker(this, keyOf));
    }

    /// <summary>How many keys have a tail on this instance (for metrics and tests).</summary>
    public int Tails => _tails.Count;

    /// <summary>
    /// The key's entries after <paramref name="after"/> (null: from now on), then each new one as it is logged, in
    /// sequence order and none twice; only those <paramref name="concerns"/> accepts are passed on.
    /// </summary>
    public IObservable<TItem> Follow(TKey key, long? after, Func<TItem, bool> concerns) => new Following(this, key, after, concerns);

    public void Dispose()
    {
        _wakeups.Dispose();
        foreach (var tail in _tails.Values)
        {
            tail.Dispose();
        }
    }

    private LogTail<TKey, TItem> Acquire(TKey key)
    {
        lock (_gate)
        {
            if (!_tails.TryGetValue(key, out var tail))
            {
                tail = new LogTail<TKey, TItem>(key, _log, _time, _resync, _logger);
                _tails[key] = tail;
                tail.Start();
            }

            tail.Holders++;
            return tail;
        }
    }

    private void Release(LogTail<TKey, TItem> tail)
    {
        lock (_gate)
        {
            if (--tail.Holders == 0)
            {
                _tails.TryRemove(tail.Key, out _);
                tail.Dispose();
            }
        }
    }

    private sealed class Following(LogFanOut<TKey, TWake, TItem> fanOut, TKey key, long? after, Func<TItem, bool> concerns) : IObservable<TItem>
    {
        public IDisposable Subscribe(IObserver<TItem> observer)
        {
            // Offered entries from the moment it joins: whatever the tail reads later reaches it, and what the tail
            // read before, the member reads from the log itself.
            var tail = fanOut.Acquire(key);
            var member = new LogMember<TKey, TItem>(fanOut._log, key, after, concerns, observer);
            tail.Add(member);
            member.Start(tail);
            return new Leaving(fanOut, tail, member);
        }
    }

    private sealed class Leaving(LogFanOut<TKey, TWake, TItem> fanOut, LogTail<TKey, TItem> tail, LogMember<TKey, TItem> member) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                member.Dispose();
                tail.Remove(member);
                fanOut.Release(tail);
            }
        }
    }

    private sealed class Waker(LogFanOut<TKey, TWake, TItem> fanOut, Func<TWake, TKey> keyOf) : IObserver<TWake>
    {
        public void OnNext(TWake value)
        {
            if (fanOut._tails.TryGetValue(keyOf(value), out var tail))
            {
                tail.Wake();
            }
        }

        // The buses never end their streams; were one to fail, each tail's resync still reads the log.
        public void OnError(Exception error) => LogFanOutLog.WakeupsFailed(fanOut._logger, error);

        public void OnCompleted()
        {
        }
    }
}
