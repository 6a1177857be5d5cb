using System.Collections.Concurrent;
using System.Text.Json;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Clients;

/// <summary>
/// Many <c>graphql-transport-ws</c> sockets, each holding one subscription, and the bookkeeping of one "round" at a
/// time: an event the bench causes at a stamped moment, and when (if) each subscriber received it.
/// </summary>
public sealed class SubscriberPool : IAsyncDisposable
{
    private readonly List<GraphQLSocket> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private Round? _round;
    private int _receiptSlots;

    /// <summary>Messages other than the subscription's data (errors, completes), for the results' notes.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    public int Count => _sockets.Count;

    public int Closed { get; private set; }

    /// <summary>Sockets that could not be opened or subscribed, and the first reason.</summary>
    public int FailedToOpen { get; private set; }

    /// <summary>Opens <paramref name="count"/> more sockets (a few at a time) and subscribes each to <paramref name="query"/>.</summary>
    public async Task OpenAsync(Uri server, Func<int, string> jwtOf, int count, string query, object? variables = null)
    {
        using var gate = new SemaphoreSlim(32);
        var first = _receiptSlots;
        var opened = await Task.WhenAll(Enumerable.Range(first, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var socket = await GraphQLSocket.ConnectAsync(server, jwtOf(i));
                await socket.SubscribeAsync("1", query, variables);
                return (Index: i, Socket: socket);
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or InvalidOperationException or OperationCanceledException)
            {
                _unexpected.Enqueue($"subscriber {i} could not open: {e.Message}");
                return (Index: i, Socket: (GraphQLSocket?)null);
            }
            finally
            {
                gate.Release();
            }
        }));
        FailedToOpen += opened.Count(o => o.Socket is null);
        _receiptSlots += count;
        foreach (var (index, socket) in opened.Where(o => o.Socket is not null).Select(o => (o.Index, o.Socket!)))
        {
            _sockets.Add(socket);
            _loops.Add(Task.Run(async () =>
            {
                await socket.RunAsync(m => OnMessage(index, m), _stop.Token);
                if (!_stop.IsCancellationRequested)
                {
                    lock (_sockets)
                    {
                        Closed++;
                    }
                }
            }));
        }
    }

    /// <summary>
    /// Stamps the cause, runs <paramref name="cause"/>, and waits until every subscriber received a message that
    /// <paramref name="matches"/> (or the timeout). Returns each receipt's delay from the stamp (or from the timestamp
    /// <paramref name="origin"/> gives after the round, when it gives one), and how many never came.
    /// </summary>
    public async Task<(List<double> Delays, int Missed)> RoundAsync(
        Func<JsonElement, bool> matches, Func<Task> cause, TimeSpan timeout, Func<Task<long?>>? origin = null)
    {
        var round = new Round(matches, _receiptSlots, _sockets.Count);
        Volatile.Write(ref _round, round);
        round.CauseAt = System.Diagnostics.Stopwatch.GetTimestamp();
        await cause();
        await Task.WhenAny(round.AllIn.Task, Task.Delay(timeout));
        Volatile.Write(ref _round, null);
        var from = (origin is null ? null : await origin()) ?? round.CauseAt;
        var delays = round.Receipts.Where(r => r != 0).Select(r => LatencySummary.Milliseconds(from, r)).ToList();
        return (delays, _sockets.Count - delays.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(_sockets.Select(async s =>
        {
            await gate.WaitAsync();
            try
            {
                await s.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        _stop.Dispose();
    }

    private void OnMessage(int index, SocketMessage message)
    {
        if (message.Type != "next")
        {
            if (_unexpected.Count < 20)
            {
                _unexpected.Enqueue($"subscriber {index}: {GraphQLSocket.Describe(message)}");
            }

            return;
        }

        var round = Volatile.Read(ref _round);
        if (round is null || !message.Payload.TryGetProperty("data", out var data) || !Matches(round, data))
        {
            return;
        }

        if (Interlocked.CompareExchange(ref round.Receipts[index], message.ReceivedAt, 0) == 0
            && Interlocked.Increment(ref round.Received) == round.Expected)
        {
            round.AllIn.TrySetResult();
        }
    }

    /// <summary>A payload of another shape than expected does not match; it must not end the socket's receive loop.</summary>
    private static bool Matches(Round round, JsonElement data)
    {
        try
        {
            return round.Matches(data);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class Round(Func<JsonElement, bool> matches, int slots, int expected)
    {
        public Func<JsonElement, bool> Matches { get; } = matches;

        public int Expected { get; } = expected;

        public long CauseAt { get; set; }

        public long[] Receipts { get; } = new long[slots];

        public int Received;

        public TaskCompletionSource AllIn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
