using System.Collections.Concurrent;
using System.Text.Json;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>
/// Subscribers to <c>orderUpdated</c> that stay attached through the soak as an app would: when the socket drops (the
/// server restarts) they connect and subscribe again. Each remembers when it was subscribed and which order statuses
/// it received, so missed final events can be told from events sent while it was away. Times are wall-clock, to
/// compare with the server's own <c>updatedAt</c> (the same machine's clock).
/// </summary>
public sealed class SoakSubscribers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public SoakSubscribers(Uri server, string user, string jwt, int count)
    {
        Subscribers = Enumerable.Range(0, count).Select(i => new Subscriber(user, i)).ToList();
        foreach (var subscriber in Subscribers)
        {
            _loops.Add(Task.Run(() => subscriber.RunAsync(server, jwt, _stop.Token)));
        }
    }

    public IReadOnlyList<Subscriber> Subscribers { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    public sealed class Subscriber(string user, int index)
    {
        private readonly List<(DateTimeOffset From, DateTimeOffset To)> _intervals = [];
        private DateTimeOffset? _attachedSince;

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

        /// <summary>Whether it was subscribed without a break from <paramref name="from"/> to <paramref name="to"/>.</summary>
        public bool AttachedThroughout(DateTimeOffset from, DateTimeOffset to) => Intervals.Any(i => i.From <= from && i.To >= to);

        public async Task RunAsync(Uri server, string jwt, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await using var socket = await GraphQLSocket.ConnectAsync(server, jwt, stop);
                    await socket.SubscribeAsync("orders", Operations.OrderUpdated, new { orderId = (string?)null }, stop);
                    lock (_intervals)
                    {
                        _attachedSince = TimeProvider.System.GetUtcNow();
                    }

                    await socket.RunAsync(OnMessage, stop);
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

        private void OnMessage(SocketMessage message)
        {
            var at = TimeProvider.System.GetUtcNow();
            if (message.Type != "next" || !message.Payload.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("orderUpdated", out var update)
                || update.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var order = update.GetProperty("order");
            var id = order.GetProperty("id").GetString()!;
            Received.GetOrAdd(id, _ => new()).Enqueue((order.GetProperty("status").GetString()!, at));
        }
    }
}
