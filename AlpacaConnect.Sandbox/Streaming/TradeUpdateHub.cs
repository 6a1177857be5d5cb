using System.Collections.Concurrent;
using AlpacaConnect.Sandbox.OAuth;

namespace AlpacaConnect.Sandbox.Streaming;

/// <summary>Open trade_updates sockets. An event reaches only the sockets listening for its account; there is
/// no replay for sockets that connect later (UNVERIFIED at Alpaca, and the safe assumption).</summary>
public sealed class TradeUpdateHub
{
    private readonly ConcurrentDictionary<StreamConnection, bool> _connections = new();
    private readonly ConcurrentDictionary<string, int> _traps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ClientOrderId, string Event), long> _emitted = new();
    private readonly ConcurrentQueue<(string ClientOrderId, string Event)> _emittedOrder = new();

    public TradeUpdateHub(AccessTokens tokens) =>
        tokens.Revoked += grant => Drop(c => c.Grant == grant);

    private int _opened;

    public int Count => _connections.Count;

    /// <summary>Open sockets that have confirmed listening to trade_updates: events published from now on reach them.</summary>
    public int Listening => _connections.Keys.Count(c => c.Listening);

    /// <summary>Sockets accepted since start-up or the last reset, open or not.</summary>
    public int Opened => Volatile.Read(ref _opened);

    public void Add(StreamConnection connection)
    {
        Interlocked.Increment(ref _opened);
        _connections[connection] = true;
    }

    public void Remove(StreamConnection connection) => _connections.TryRemove(connection, out _);

    /// <summary>
    /// The next <paramref name="count"/> events named <paramref name="eventName"/> are never delivered: the sockets that
    /// would receive them are dropped instead, as when a connection dies mid-fill.
    /// </summary>
    public void DropInsteadOf(string eventName, int count = 1) => _traps.AddOrUpdate(eventName, count, (_, armed) => armed + count);

    /// <summary>How many emissions <see cref="EmittedAt"/> remembers; older ones are forgotten first.</summary>
    public const int RememberedEmissions = 10_000;

    /// <summary>
    /// When the last <paramref name="eventName"/> of the order with <paramref name="clientOrderId"/> was handed to the
    /// listening sockets, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp: a benchmark on the same machine
    /// times delivery from there (the monotonic clock it reads is the same in every process).
    /// </summary>
    public long? EmittedAt(string clientOrderId, string eventName) =>
        _emitted.TryGetValue((clientOrderId, eventName), out var stamp) ? stamp : null;

    public void Publish(Guid accountId, string eventName, byte[] message, string clientOrderId = "")
    {
        if (_traps.TryGetValue(eventName, out var armed) && armed > 0 && _traps.TryUpdate(eventName, armed - 1, armed))
        {
            Drop(c => c.AccountId == accountId);
            return;
        }

        Remember((clientOrderId, eventName), System.Diagnostics.Stopwatch.GetTimestamp());

        foreach (var connection in _connections.Keys)
        {
            if (connection.Listening && connection.AccountId == accountId)
            {
                connection.Send(message);
            }
        }
    }

    public void ClearTraps()
    {
        _traps.Clear();
        Interlocked.Exchange(ref _opened, 0);
    }

    /// <summary>Aborts matching sockets (all when no filter); returns how many.</summary>
    public int Drop(Func<StreamConnection, bool>? filter = null)
    {
        var dropped = _connections.Keys.Where(filter ?? (_ => true)).ToList();
        dropped.ForEach(c => c.Drop());
        return dropped.Count;
    }

    private void Remember((string ClientOrderId, string Event) key, long stamp)
    {
        if (_emitted.TryAdd(key, stamp))
        {
            _emittedOrder.Enqueue(key);
            while (_emittedOrder.Count > RememberedEmissions && _emittedOrder.TryDequeue(out var oldest))
            {
                _emitted.TryRemove(oldest, out _);
            }
        }
        else
        {
            _emitted[key] = stamp;
        }
    }
}
