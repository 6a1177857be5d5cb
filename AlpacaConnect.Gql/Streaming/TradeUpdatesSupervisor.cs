using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// Holds one trade_updates socket per account that needs one (open orders or live subscribers), and makes sure no
/// transition is missed although the stream has no replay. This type is the workers' lifecycle: it starts a worker when
/// demand arrives (<see cref="StreamDemand"/>), restarts it when the connection's token changes, retires it when nobody
/// needs the stream, releases its lease when it ends, and every poll interval rescans for accounts left without one. The parts it runs: <see cref="StreamReconnectLoop"/> (hold,
/// reconnect, back off), <see cref="StreamFollower"/> (read an open socket), <see cref="ReconciliationScheduler"/>
/// (REST reconciliation) and <see cref="StreamLeases"/> (one instance per account).
/// </summary>
internal sealed class TradeUpdatesSupervisor(
    StreamDemand demand,
    StreamReconnectLoop loop,
    ITradeUpdateHandler handler,
    IStreamTargets targets,
    StreamLeases leases,
    StreamBudget budget,
    IEventBus events,
    IOptions<StreamingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TradeUpdatesSupervisor> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, StreamWorker> _workers = [];
    private CancellationToken _stopping;
    private bool _started;

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

    /// <summary>How many workers wait out a reconnect backoff with nothing in flight; tests advance a fake clock only then.</summary>
    public int AccountsBackingOff
    {
        get
        {
            lock (_gate)
            {
                return _workers.Values.Count(w => w.WaitsOnlyForTime(time.GetUtcNow()));
            }
        }
    }

    /// <summary>Whether a subscriber holds the user's stream; lets tests act once a subscription is live.</summary>
    public bool IsAttached(string userId) => demand.IsAttached(userId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Sockets close as soon as the application begins stopping: the server waits for open requests before hosted
        // services are stopped, and with an embedded upstream these sockets are requests to this very server.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;
        lock (_gate)
        {
            _stopping = stoppingToken;
            _started = true;
        }

        // From now on an order saved or a subscriber arriving starts a worker; before, the scan below finds them.
        demand.Connect(Watch, userId => _ = WatchUserAsync(userId));

        using var changes = events.Events<AlpacaConnectionChanged>().Subscribe(new ConnectionObserver(this));
        try
        {
            // The first scan finds the accounts with open orders from before the start; the later ones restart any
            // worker that ended although its account still needs a stream, whatever ended it.
            while (true)
            {
                await RescanAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
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

    private async Task RescanAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var connectionId in await handler.ConnectionsToWatchAsync(stoppingToken))
            {
                Revive(connectionId);
            }

            foreach (var userId in demand.AttachedUsers())
            {
                if (await targets.FindForUserAsync(userId, stoppingToken) is { } target)
                {
                    Revive(target.Connection.ConnectionId);
                }
            }

            budget.ForgetIdle();
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            StreamingLog.RescanFailed(logger, e);
        }
    }

    /// <summary>Starts a worker for the account unless one runs; unlike <see cref="Watch"/>, does not count as new demand.</summary>
    private void Revive(Guid connectionId)
    {
        if (options.Value.Mode == StreamingMode.Off)
        {
            return;
        }

        lock (_gate)
        {
            if (_started && !_workers.ContainsKey(connectionId))
            {
                StartLocked(connectionId);
            }
        }
    }

    private void Watch(Guid connectionId)
    {
        if (options.Value.Mode == StreamingMode.Off)
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

    private void StartLocked(Guid connectionId)
    {
        var worker = new StreamWorker(connectionId, CancellationTokenSource.CreateLinkedTokenSource(_stopping));
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
            StreamingLog.WatchFailed(logger, e);
        }
    }

    private void OnConnectionChanged(AlpacaConnectionChanged change)
    {
        StreamWorker? stopped;
        bool wanted;
        lock (_gate)
        {
            if (_workers.Remove(change.ConnectionId, out stopped))
            {
                stopped.Stop.Cancel();
            }

            wanted = stopped is not null || demand.IsAttached(change.UserId);
        }

        // A new token (reconnected) gets a fresh socket; a disconnected or refused one keeps none.
        if (change.Status == ConnectionStatus.Connected && wanted)
        {
            Watch(change.ConnectionId);
        }
    }

    private async Task RunAsync(StreamWorker worker)
    {
        try
        {
            await loop.RunAsync(worker, TryRetire);
        }
        catch (OperationCanceledException) when (worker.Stop.IsCancellationRequested)
        {
            // Stopped: shutting down, disconnected, or restarted with a new token.
        }
        catch (Exception e)
        {
            // Not expected (the loop turns every failure into a retry); the next rescan starts a new worker if needed.
            StreamingLog.WorkerFailed(logger, worker.ConnectionId, e);
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

            await worker.Stop.CancelAsync(); // ends a reconciliation it scheduled
            worker.Stop.Dispose();
            // A successor in this process (restarted with a new token) holds the lease under the same owner id.
            if (!replaced)
            {
                await ReleaseAsync(worker.ConnectionId);
            }
        }
    }

    /// <summary>Ends a worker with no demand, unless an order or a subscriber arrived meanwhile.</summary>
    private bool TryRetire(StreamWorker worker)
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
            StreamingLog.ReleaseFailed(logger, connectionId, e);
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
}
