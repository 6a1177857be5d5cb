using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// When an account's open orders are read over REST: after every (re)connect, while no socket is held, periodically
/// against a silently stalled socket (all asked by the supervisor's parts), and shortly after an update that matched no
/// order or could not be recorded (<see cref="ReconcileSoon"/>). A failed reconciliation is logged and tried again later.
/// </summary>
internal sealed class ReconciliationScheduler(
    ITradeUpdateHandler handler, IOptions<StreamingOptions> options, TimeProvider time, ILogger<TradeUpdatesSupervisor> logger)
{
    public async Task ReconcileAsync(StreamTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await handler.ReconcileAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next (re)connect or poll tries again; the orders stay open until then.
            StreamingLog.ReconcileFailed(logger, target.Connection.ConnectionId, e);
        }
    }

    /// <summary>One delayed reconciliation at a time per account, however many updates ask for one.</summary>
    public void ReconcileSoon(StreamWorker worker, StreamTarget target, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref worker.ReconcileScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(options.Value.UnmatchedReconcileDelay, time, cancellationToken);
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
}
