using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Observability;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// One account's worker loop: while the account is usable and needed, hold its lease and its socket; after every loss,
/// reconcile over REST and reopen with exponential backoff and jitter. Any failure but a refused token is such a loss,
/// whether Alpaca, the socket or our own database failed: the worker never ends on an error, so the account's orders
/// never stop moving quietly. In <see cref="StreamingMode.Poll"/> no socket is opened: REST reconciliation every poll
/// interval does the work. An unauthorized stream ends the worker (the socket client marks the connection
/// REAUTH_REQUIRED); reconnecting the account watches it again.
/// </summary>
internal sealed class StreamReconnectLoop(
    IAlpacaTradeUpdates upstream,
    IStreamTargets targets,
    StreamLeases leases,
    StreamNeed need,
    StreamFollower follower,
    ReconciliationScheduler reconciliation,
    StreamBudget budget,
    IOptions<StreamingOptions> options,
    AppMetrics metrics,
    TimeProvider time,
    ILogger<TradeUpdatesSupervisor> logger)
{
    private enum Next
    {
        Again,
        BackOff,
        End,
    }

    private StreamingOptions Options => options.Value;

    /// <summary>Runs until the worker is stopped, the account is unusable, or <paramref name="tryRetire"/> lets it end idle.</summary>
    public async Task RunAsync(StreamWorker worker, Func<StreamWorker, bool> tryRetire)
    {
        var cancellationToken = worker.Stop.Token;
        while (!cancellationToken.IsCancellationRequested)
        {
            Next next;
            try
            {
                next = await RunCycleAsync(worker, tryRetire, cancellationToken);
            }
            catch (AlpacaReauthRequiredException)
            {
                StreamingLog.StreamUnauthorized(logger, worker.ConnectionId);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                worker.Attempt++;
                StreamingLog.StreamFailed(logger, worker.ConnectionId, worker.Attempt, e);
                metrics.StreamReconnected("failed");
                next = Next.BackOff;
            }

            switch (next)
            {
                case Next.End:
                    return;
                case Next.BackOff:
                    await BackOffAsync(worker, cancellationToken);
                    break;
            }
        }
    }

    private async Task<Next> RunCycleAsync(StreamWorker worker, Func<StreamWorker, bool> tryRetire, CancellationToken cancellationToken)
    {
        if (await targets.FindAsync(worker.ConnectionId, cancellationToken) is not { } target)
        {
            return Next.End; // disconnected or needing reauthorization: reconnecting watches again
        }

        worker.Target = target;
        worker.Poked = false;
        if (!await need.IsNeededAsync(target, cancellationToken))
        {
            return tryRetire(worker) ? Next.End : Next.Again;
        }

        if (!await leases.TryHoldAsync(worker.ConnectionId, cancellationToken))
        {
            // Another instance holds the account's stream (and reconciles it); ask again before its lease ends.
            await Task.Delay(leases.RenewEvery, time, cancellationToken);
            return Next.Again;
        }

        if (Options.Mode == StreamingMode.Poll)
        {
            await reconciliation.ReconcileAsync(worker, target, cancellationToken);
            await Task.Delay(Options.PollInterval, time, cancellationToken);
            return Next.Again;
        }

        return await StreamAsync(worker, target, tryRetire, cancellationToken);
    }

    private async Task<Next> StreamAsync(StreamWorker worker, StreamTarget target, Func<StreamWorker, bool> tryRetire, CancellationToken cancellationToken)
    {
        budget.Spend(worker.ConnectionId); // a handshake is one of the stream's calls
        await using var stream = await upstream.OpenAsync(target.Connection, cancellationToken);
        var opened = time.GetTimestamp();
        try
        {
            metrics.StreamConnected();
            using var held = metrics.StreamHeld();
            StreamingLog.StreamOpened(logger, worker.ConnectionId);
            // Listening before reconciling: a transition is either in the REST answer or on the socket.
            await reconciliation.ReconcileAsync(worker, target, cancellationToken);
            switch (await follower.FollowAsync(worker, target, stream, cancellationToken))
            {
                case FollowEnd.Idle:
                    StreamingLog.StreamIdle(logger, worker.ConnectionId);
                    return tryRetire(worker) ? Next.End : Next.Again;
                case FollowEnd.LeaseLost:
                    StreamingLog.LeaseLost(logger, worker.ConnectionId);
                    return Next.Again;
            }
        }
        finally
        {
            // Only a socket that stayed up earns a fresh start: one accepted and dropped at once keeps the doubling going.
            if (time.GetElapsedTime(opened) >= Options.ReconnectResetAfter)
            {
                worker.Attempt = 0;
            }
        }

        worker.Attempt++;
        StreamingLog.StreamClosed(logger, worker.ConnectionId);
        metrics.StreamReconnected("dropped");
        return Next.BackOff;
    }

    private async Task BackOffAsync(StreamWorker worker, CancellationToken cancellationToken)
    {
        // While no socket is held, REST keeps the orders moving (not twice in a row: see ReconciliationScheduler).
        if (worker.Target is { } target)
        {
            await reconciliation.ReconcileAsync(worker, target, cancellationToken);
        }

        worker.BackingOff = true;
        try
        {
            await Task.Delay(ReconnectBackoff.Delay(worker.Attempt, Options), time, cancellationToken);
        }
        finally
        {
            worker.BackingOff = false;
        }
    }
}
