using System.Collections.Concurrent;
using System.Text.Json;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>
/// Subscribers to <c>orderUpdated</c> that stay attached through the soak as an app would: when the socket drops (the
/// server restarts) they connect and subscribe again with <c>after:</c> the last update they received, and every few
/// seconds they drop their own socket, as a phone losing its network does, and resume the same way. Each remembers
/// the update ids it received in arrival order (held against the user's log afterwards: gaps, duplicates, order),
/// when it was subscribed and which order statuses it received. Times are wall-clock, to compare with the server's
/// own <c>updatedAt</c> (the same machine's clock).
/// </summary>
public sealed class SoakSubscribers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public SoakSubscribers(Uri server, string user, string jwt, int count, TimeSpan dropEvery)
    {
        Subscribers = Enumerable.Range(0, count).Select(i => new Subscriber(user, i, dropEvery)).ToList();
        foreach (var subscriber in Subscribers)
        {
            _loops.Add(Task.Run(() => subscriber.RunAsync(server, jwt, _stop.Token)));
        }
    }

    public IReadOnlyList<Subscriber> Subscribers { get; }

    /// <summary>Whether every subscriber holds a subscription now.</summary>
    public bool AllAttached => Subscribers.All(s => s.Attached);

    /// <summary>From now on nobody drops their own socket (the soak is settling).</summary>
    public void StopDropping() => Subscribers.ToList().ForEach(s => s.StopDropping());

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    public sealed class Subscriber(string user, int index, TimeSpan dropEvery)
    {
        private readonly List<(DateTimeOffset From, DateTimeOffset To)> _intervals = [];
        private readonly List<string> _updateIds = [];
        private DateTimeOffset? _attachedSince;
        private volatile bool _dropping = dropEvery > TimeSpan.Zero;
        private int _ownDrops;

        public string User { get; } = user;

        public int Index { get; } = index;

        /// <summary>Subscriptions opened after the first one (after the server closed or dropped the socket).</summary>
        public int Resubscribed => Math.Max(0, Intervals.Count - 1);

        /// <summary>Order id → each status received, with when.</summary>
        public ConcurrentDictionary<string, ConcurrentQueue<(string Status, DateTimeOffset At)>> Received { get; } = new();

        public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Intervals
        {
            get
            {
                lock (_intervals)
                {
                    // A subscription still open counts as attached until now and beyond.
                    return _attachedSince is { } since ? [.. _intervals, (since, DateTimeOffset.MaxValue)] : [.. _intervals];
                }
            }
        }

        /// <summary>The ids of the updates received, in arrival order, resumed subscriptions included.</summary>
        public IReadOnlyList<string> UpdateIds
        {
            get
            {
                lock (_updateIds)
                {
                    return [.. _updateIds];
                }
            }
        }

        /// <summary>How often it dropped its own socket to resume with <c>after:</c>.</summary>
        public int OwnDrops => Volatile.Read(ref _ownDrops);

        public bool Attached
        {
            get
            {
                lock (_intervals)
                {
                    return _attachedSince is not null;
                }
            }
        }

        public void StopDropping() => _dropping = false;

        /// <summary>Whether it was subscribed without a break from <paramref name="from"/> to <paramref name="to"/>.</summary>
        public bool AttachedThroughout(DateTimeOffset from, DateTimeOffset to) => Intervals.Any(i => i.From <= from && i.To >= to);

        public async Task RunAsync(Uri server, string jwt, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var session = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    if (_dropping)
                    {
                        // A random moment within the next two periods, so the subscribers do not drop together.
                        session.CancelAfter(TimeSpan.FromMilliseconds(Random.Shared.Next(200, (int)(2 * dropEvery.TotalMilliseconds))));
                    }

                    await using var socket = await GraphQLSocket.ConnectAsync(server, jwt, stop);
                    await socket.SubscribeAsync("orders", Operations.OrderUpdatedAfter, new { orderId = (string?)null, after = LastId() }, stop);
                    lock (_intervals)
                    {
                        _attachedSince = TimeProvider.System.GetUtcNow();
                    }

                    await socket.RunAsync(OnMessage, session.Token);
                    if (session.IsCancellationRequested && !stop.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref _ownDrops);
                    }

                    lock (_intervals)
                    {
                        _intervals.Add((_attachedSince!.Value, TimeProvider.System.GetUtcNow()));
                        _attachedSince = null;
                    }
                }
                catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException or InvalidOperationException or IOException)
                {
                    // The server is away (restarting): try again shortly.
                }

                if (!stop.IsCancellationRequested)
                {
                    await Task.Delay(200, CancellationToken.None);
                }
            }
        }

        private string LastId()
        {
            lock (_updateIds)
            {
                // "0" is the log's start: every subscriber attached before the first order, so it owes the whole log.
                return _updateIds.Count == 0 ? "0" : _updateIds[^1];
            }
        }

        private void OnMessage(SocketMessage message)
        {
            var at = TimeProvider.System.GetUtcNow();
            if (message.Type != "next" || !message.Payload.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("orderUpdated", out var update)
                || update.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            lock (_updateIds)
            {
                _updateIds.Add(update.GetProperty("id").GetString()!);
            }

            var order = update.GetProperty("order");
            var id = order.GetProperty("id").GetString()!;
            Received.GetOrAdd(id, _ => new()).Enqueue((order.GetProperty("status").GetString()!, at));
        }
    }
}
