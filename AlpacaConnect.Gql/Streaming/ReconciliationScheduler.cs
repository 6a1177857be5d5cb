using AlpacaConnect.Gql.Alpaca.Http;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// When an account's open orders are read over REST: after every (re)connect, while no socket is held, periodically
/// against a silently stalled socket (all asked by the supervisor's parts), and shortly after an update that matched no
/// order or could not be recorded (<see cref="ReconcileSoon"/>). One runs at a time per account; one asked for within
/// <see cref="StreamingOptions.ReconcileMinInterval"/> of the last is not run twice in a row but once that interval has
/// passed, so what it would have found arrives a little later instead of never. Its calls are charged to the stream's
/// share of the account's budget (<see cref="StreamBudget"/>). A failed reconciliation is logged and tried again later.
/// </summary>
internal sealed class ReconciliationScheduler(
    ITradeUpdateHandler handler,
    StreamBudget budget,
    IOptions<StreamingOptions> options,
    TimeProvider time,
    ILogger<TradeUpdatesSupervisor> logger)
{
    public async Task ReconcileAsync(StreamWorker worker, StreamTarget target, CancellationToken cancellationToken)
    {
        var spacing = options.Value.ReconcileMinInterval;
        if (Interlocked.Exchange(ref worker.Reconciling, 1) == 1)
        {
            ReconcileLater(worker, target, spacing, cancellationToken); // the running one may have read before this was asked
            return;
        }

        try
        {
            var since = worker.LastReconciled is { } last ? time.GetElapsedTime(last) : TimeSpan.MaxValue;
            if (since < spacing)
            {
                ReconcileLater(worker, target, spacing - since, cancellationToken);
                return;
            }

            worker.LastReconciled = time.GetTimestamp();
            await UpstreamAllowance.ChargedToAsync(budget.For(target.Connection.ConnectionId), () => handler.ReconcileAsync(target, cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next (re)connect or poll tries again; the orders stay open until then.
            StreamingLog.ReconcileFailed(logger, target.Connection.ConnectionId, e);
        }
        finally
        {
            Volatile.Write(ref worker.Reconciling, 0);
        }
    }

    /// <summary>One delayed reconciliation at a time per account, however many updates ask for one.</summary>
    public void ReconcileSoon(StreamWorker worker, StreamTarget target, CancellationToken cancellationToken) =>
        ReconcileLater(worker, target, options.Value.UnmatchedReconcileDelay, cancellationToken);

    private void ReconcileLater(StreamWorker worker, StreamTarget target, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref worker.ReconcileScheduled, 1) == 1)
        {
            return;
        }

        // The timer starts here, not on the thread pool: it is due exactly when the worker says it is.
        worker.ReconcileDueAt = time.GetUtcNow() + delay;
        var waiting = Task.Delay(delay, time, cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                await waiting;
                // Cleared before running: a reconciliation that must wait again schedules its successor.
                Volatile.Write(ref worker.ReconcileScheduled, 0);
                await ReconcileAsync(worker, target, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The stream ended; its successor reconciles on connect.
                Volatile.Write(ref worker.ReconcileScheduled, 0);
            }
        }, CancellationToken.None);
    }
}
