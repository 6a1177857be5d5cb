using System.Net.WebSockets;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Observability;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// Holds one trade_updates socket per account that needs one (open orders or live subscribers), and makes sure no
/// transition is missed although the stream has no replay: every (re)connect is followed by a REST reconciliation of
/// the account's open orders, REST polling takes over while the socket cannot be held, and a periodic reconciliation
/// guards against a socket that stalls silently. Reconnects back off exponentially with jitter. An unauthorized stream
/// marks the connection REAUTH_REQUIRED (in the socket client) and its worker stops until the user connects again.
/// </summary>
internal sealed partial class TradeUpdatesSupervisor(
    IServiceProvider services,
    IAlpacaTradeUpdates upstream,
    IStreamTargets targets,
    StreamLeases leases,
    IEventBus events,
    IOptions<StreamingOptions> options,
    IHostApplicationLifetime lifetime,
    AppMetrics metrics,
    TimeProvider time,
    ILogger<TradeUpdatesSupervisor> logger) : BackgroundService, IStreamDemand
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Worker> _workers = [];
    private readonly Dictionary<string, int> _subscribers = new(StringComparer.Ordinal);
    private CancellationToken _stopping;
    private bool _started;

    private StreamingOptions Options => options.Value;

    // Resolved late: the handler (Orders) depends on the order store, which tells this supervisor about new orders.
    private ITradeUpdateHandler Handler => services.GetRequiredService<ITradeUpdateHandler>();

    /// <summary>How many accounts have a worker here (streaming, reconnecting, polling or waiting for a lease); tests read it.</summary>
    public int ActiveAccounts
    {
        get
        {
            lock (_gate)
            {
                return _workers.Count;
            }
        }
    }

    /// <summary>Whether a subscriber holds the user's stream; lets tests act once a subscription is live.</summary>
    public bool IsAttached(string userId)
    {
        lock (_gate)
        {
            return _subscribers.ContainsKey(userId);
        }
    }

    public void Watch(Guid connectionId)
    {
        if (Options.Mode == StreamingMode.Off)
        {
            return;
        }

        lock (_gate)
        {
            if (!_started)
            {
                return; // the start-up scan of open orders runs after the start, and finds this order's account
            }

            if (_workers.TryGetValue(connectionId, out var running))
            {
                running.Poked = true;
                return;
            }

            StartLocked(connectionId);
        }
    }

    public IDisposable Attach(string userId)
    {
        lock (_gate)
        {
            _subscribers[userId] = _subscribers.GetValueOrDefault(userId) + 1;
        }

        _ = WatchUserAsync(userId);
        return new Detacher(this, userId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Sockets close as soon as the application begins stopping: the server waits for open requests before hosted
        // services are stopped, and in Sandbox mode these sockets are requests to this very server.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;
        lock (_gate)
        {
            _stopping = stoppingToken;
            _started = true;
        }

        using var changes = events.Events<AlpacaConnectionChanged>().Subscribe(new ConnectionObserver(this));
        try
        {
            foreach (var connectionId in await Handler.ConnectionsToWatchAsync(stoppingToken))
            {
                Watch(connectionId);
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _workers.Values.Select(w => w.Run)];
        }

        await Task.WhenAll(running);
    }

    private void StartLocked(Guid connectionId)
    {
        var worker = new Worker(connectionId, CancellationTokenSource.CreateLinkedTokenSource(_stopping));
        _workers[connectionId] = worker;
        worker.Run = Task.Run(() => RunAsync(worker));
    }

    private async Task WatchUserAsync(string userId)
    {
        try
        {
            if (await targets.FindForUserAsync(userId, _stopping) is { } target)
            {
                Watch(target.Connection.ConnectionId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWatchFailed(logger, e);
        }
    }

    private void OnConnectionChanged(AlpacaConnectionChanged change)
    {
        Worker? stopped;
        bool wanted;
        lock (_gate)
        {
            if (_workers.Remove(change.ConnectionId, out stopped))
            {
                stopped.Stop.Cancel();
            }

            wanted = stopped is not null || _subscribers.ContainsKey(change.UserId);
        }

        // A new token (reconnected) gets a fresh socket; a disconnected or refused one keeps none.
        if (change.Status == ConnectionStatus.Connected && wanted)
        {
            Watch(change.ConnectionId);
        }
    }

    private async Task RunAsync(Worker worker)
    {
        var cancellationToken = worker.Stop.Token;
        var attempt = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await targets.FindAsync(worker.ConnectionId, cancellationToken) is not { } target)
                {
                    return; // disconnected or needing reauthorization: reconnecting watches again
                }

                worker.Poked = false;
                if (!await NeedsStreamAsync(target, cancellationToken))
                {
                    if (TryRetire(worker))
                    {
                        return;
                    }

                    continue;
                }

                if (!await leases.TryHoldAsync(worker.ConnectionId, cancellationToken))
                {
                    // Another instance holds the account's stream (and reconciles it); ask again before its lease ends.
                    await Task.Delay(RenewEvery, time, cancellationToken);
                    continue;
                }

                if (Options.Mode == StreamingMode.Poll)
                {
                    await ReconcileAsync(target, cancellationToken);
                    await Task.Delay(Options.PollInterval, time, cancellationToken);
                    continue;
                }

                try
                {
                    await using var stream = await upstream.OpenAsync(target.Connection, cancellationToken);
                    attempt = 0;
                    metrics.StreamConnected();
                    LogStreamOpened(logger, worker.ConnectionId);
                    // Listening before reconciling: a transition is either in the REST answer or on the socket.
                    await ReconcileAsync(target, cancellationToken);
                    switch (await FollowAsync(worker, target, stream, cancellationToken))
                    {
                        case FollowEnd.Idle:
                            LogStreamIdle(logger, worker.ConnectionId);
                            if (TryRetire(worker))
                            {
                                return;
                            }

                            continue;
                        case FollowEnd.LeaseLost:
                            LogLeaseLost(logger, worker.ConnectionId);
                            continue;
                    }

                    LogStreamClosed(logger, worker.ConnectionId);
                    metrics.StreamReconnected("dropped");
                }
                catch (AlpacaReauthRequiredException)
                {
                    LogStreamUnauthorized(logger, worker.ConnectionId);
                    return;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested
                    && e is AlpacaApiException or WebSocketException or HttpRequestException or OperationCanceledException)
                {
                    LogStreamFailed(logger, worker.ConnectionId, attempt + 1, e);
                    metrics.StreamReconnected("failed");
                }

                attempt++;
                // While no socket is held, REST keeps the orders moving.
                await ReconcileAsync(target, cancellationToken);
                await Task.Delay(Backoff(attempt), time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: shutting down, disconnected, or restarted with a new token.
        }
        catch (Exception e)
        {
            LogWorkerFailed(logger, worker.ConnectionId, e);
        }
        finally
        {
            bool replaced;
            lock (_gate)
            {
                replaced = _workers.TryGetValue(worker.ConnectionId, out var current) && current != worker;
                if (current == worker)
                {
                    _workers.Remove(worker.ConnectionId);
                }
            }

            worker.Stop.Dispose();
            // A successor in this process (restarted with a new token) holds the lease under the same owner id.
            if (!replaced)
            {
                await ReleaseAsync(worker.ConnectionId);
            }
        }
    }

    private TimeSpan RenewEvery => Options.LeaseDuration / 3;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Another instance may take the account over at once instead of waiting for the lease to expire.</summary>
    private async Task ReleaseAsync(Guid connectionId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(connectionId, timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Expiry frees it anyway.
            LogReleaseFailed(logger, connectionId, e);
        }
    }

    private enum FollowEnd
    {
        Closed,
        Idle,
        LeaseLost,
    }

    /// <summary>Reads the socket until it closes, the account no longer needs it, or another instance took its lease.</summary>
    private async Task<FollowEnd> FollowAsync(Worker worker, StreamTarget target, IAlpacaTradeUpdateSocket stream, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(worker, target, stream, session.Token);
        var lastCheck = time.GetTimestamp();
        try
        {
            while (true)
            {
                var tick = Task.Delay(Min(Options.PollInterval, RenewEvery), time, session.Token);
                if (await Task.WhenAny(reading, tick) == reading)
                {
                    try
                    {
                        await reading;
                    }
                    catch (WebSocketException)
                    {
                        // Aborted without a closing handshake: a drop like any other.
                    }

                    return FollowEnd.Closed;
                }

                if (!await leases.TryHoldAsync(worker.ConnectionId, cancellationToken))
                {
                    return FollowEnd.LeaseLost;
                }

                if (time.GetElapsedTime(lastCheck) < Options.PollInterval)
                {
                    continue;
                }

                lastCheck = time.GetTimestamp();
                if (!worker.Poked && !await NeedsStreamAsync(target, cancellationToken))
                {
                    return FollowEnd.Idle;
                }

                worker.Poked = false;
                await ReconcileAsync(target, cancellationToken);
            }
        }
        finally
        {
            await session.CancelAsync();
            try
            {
                await reading;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Ending the session ends the read.
            }
        }
    }

    private async Task ReadAsync(Worker worker, StreamTarget target, IAlpacaTradeUpdateSocket stream, CancellationToken cancellationToken)
    {
        await foreach (var update in stream.ReadAllAsync(cancellationToken))
        {
            bool matched;
            try
            {
                matched = await Handler.ApplyAsync(target, update, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not lost: the order is still open here, and a reconciliation reads its state from Alpaca.
                LogApplyFailed(logger, worker.ConnectionId, e);
                ReconcileSoon(worker, target, cancellationToken);
                continue;
            }

            if (!matched && await Handler.HasUnlinkedOrdersAsync(target.Connection.ConnectionId, cancellationToken))
            {
                ReconcileSoon(worker, target, cancellationToken);
            }
        }
    }

    /// <summary>One delayed reconciliation at a time per account, however many updates ask for one.</summary>
    private void ReconcileSoon(Worker worker, StreamTarget target, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref worker.ReconcileScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Options.UnmatchedReconcileDelay, time, cancellationToken);
                await ReconcileAsync(target, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The stream ended; its successor reconciles on connect.
            }
            finally
            {
                Volatile.Write(ref worker.ReconcileScheduled, 0);
            }
        }, CancellationToken.None);
    }

    private async Task ReconcileAsync(StreamTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await Handler.ReconcileAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next (re)connect or poll tries again; the orders stay open until then.
            LogReconcileFailed(logger, target.Connection.ConnectionId, e);
        }
    }

    private async Task<bool> NeedsStreamAsync(StreamTarget target, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_subscribers.ContainsKey(target.UserId))
            {
                return true;
            }
        }

        return await Handler.HasOpenOrdersAsync(target.Connection.ConnectionId, cancellationToken);
    }

    /// <summary>Ends a worker with no demand, unless an order or a subscriber arrived meanwhile.</summary>
    private bool TryRetire(Worker worker)
    {
        lock (_gate)
        {
            if (worker.Poked)
            {
                worker.Poked = false;
                return false;
            }

            if (_workers.TryGetValue(worker.ConnectionId, out var current) && current == worker)
            {
                _workers.Remove(worker.ConnectionId);
            }

            return true;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(
            Options.ReconnectMaxDelay.TotalMilliseconds,
            Options.ReconnectInitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
        // Jitter spreads the reconnects of many accounts after a shared outage.
#pragma warning disable CA5394 // Not security-sensitive.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
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

    private sealed class Worker(Guid connectionId, CancellationTokenSource stop)
    {
        public Guid ConnectionId { get; } = connectionId;

        public CancellationTokenSource Stop { get; } = stop;

        public Task Run { get; set; } = Task.CompletedTask;

        /// <summary>Set when new demand arrives while the worker runs, so it does not retire on an old answer.</summary>
        public volatile bool Poked;

        public int ReconcileScheduled;
    }

    private sealed class Detacher(TradeUpdatesSupervisor supervisor, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                supervisor.Detach(userId);
            }
        }
    }

    private sealed class ConnectionObserver(TradeUpdatesSupervisor supervisor) : IObserver<AlpacaConnectionChanged>
    {
        public void OnNext(AlpacaConnectionChanged value) => supervisor.OnConnectionChanged(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "trade_updates stream of connection {ConnectionId} is open")]
    private static partial void LogStreamOpened(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "trade_updates stream of connection {ConnectionId} closed; reconnecting")]
    private static partial void LogStreamClosed(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "trade_updates stream of connection {ConnectionId} is no longer needed (no open orders, no subscribers); closed")]
    private static partial void LogStreamIdle(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "trade_updates stream of connection {ConnectionId} was refused; the connection needs reauthorization")]
    private static partial void LogStreamUnauthorized(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "trade_updates stream of connection {ConnectionId} failed (attempt {Attempt}); polling until it reconnects")]
    private static partial void LogStreamFailed(ILogger logger, Guid connectionId, int attempt, Exception exception);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Reconciling the orders of connection {ConnectionId} failed; retried at the next poll or reconnect")]
    private static partial void LogReconcileFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "A trade update of connection {ConnectionId} could not be recorded; reconciling instead")]
    private static partial void LogApplyFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Error, Message = "The stream worker of connection {ConnectionId} failed")]
    private static partial void LogWorkerFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Warning, Message = "Another instance took over the trade_updates stream of connection {ConnectionId}; closed here")]
    private static partial void LogLeaseLost(ILogger logger, Guid connectionId);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Warning, Message = "Could not release the stream lease of connection {ConnectionId}; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Guid connectionId, Exception exception);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "Could not look up a subscriber's connection to watch")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
