using System.Net.WebSockets;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Observability;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>
/// One account's worker loop: while the account is usable and needed, hold its lease and its socket; after every loss,
/// reconcile over REST and reopen with exponential backoff and jitter. In <see cref="StreamingMode.Poll"/> no socket is
/// opened: REST reconciliation every poll interval does the work. An unauthorized stream ends the worker (the socket
/// client marks the connection REAUTH_REQUIRED); reconnecting the account watches it again.
/// </summary>
internal sealed class StreamReconnectLoop(
    IAlpacaTradeUpdates upstream,
    IStreamTargets targets,
    StreamLeases leases,
    StreamNeed need,
    StreamFollower follower,
    ReconciliationScheduler reconciliation,
    IOptions<StreamingOptions> options,
    AppMetrics metrics,
    TimeProvider time,
    ILogger<TradeUpdatesSupervisor> logger)
{
    private StreamingOptions Options => options.Value;

    /// <summary>Runs until the worker is stopped, the account is unusable, or <paramref name="tryRetire"/> lets it end idle.</summary>
    public async Task RunAsync(StreamWorker worker, Func<StreamWorker, bool> tryRetire)
    {
        var cancellationToken = worker.Stop.Token;
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await targets.FindAsync(worker.ConnectionId, cancellationToken) is not { } target)
            {
                return; // disconnected or needing reauthorization: reconnecting watches again
            }

            worker.Poked = false;
            if (!await need.IsNeededAsync(target, cancellationToken))
            {
                if (tryRetire(worker))
                {
                    return;
                }

                continue;
            }

            if (!await leases.TryHoldAsync(worker.ConnectionId, cancellationToken))
            {
                // Another instance holds the account's stream (and reconciles it); ask again before its lease ends.
                await Task.Delay(leases.RenewEvery, time, cancellationToken);
                continue;
            }

            if (Options.Mode == StreamingMode.Poll)
            {
                await reconciliation.ReconcileAsync(target, cancellationToken);
                await Task.Delay(Options.PollInterval, time, cancellationToken);
                continue;
            }

            try
            {
                await using var stream = await upstream.OpenAsync(target.Connection, cancellationToken);
                attempt = 0;
                metrics.StreamConnected();
                using var held = metrics.StreamHeld();
                StreamingLog.StreamOpened(logger, worker.ConnectionId);
                // Listening before reconciling: a transition is either in the REST answer or on the socket.
                await reconciliation.ReconcileAsync(target, cancellationToken);
                switch (await follower.FollowAsync(worker, target, stream, cancellationToken))
                {
                    case FollowEnd.Idle:
                        StreamingLog.StreamIdle(logger, worker.ConnectionId);
                        if (tryRetire(worker))
                        {
                            return;
                        }

                        continue;
                    case FollowEnd.LeaseLost:
                        StreamingLog.LeaseLost(logger, worker.ConnectionId);
                        continue;
                }

                StreamingLog.StreamClosed(logger, worker.ConnectionId);
                metrics.StreamReconnected("dropped");
            }
            catch (AlpacaReauthRequiredException)
            {
                StreamingLog.StreamUnauthorized(logger, worker.ConnectionId);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                && e is AlpacaApiException or WebSocketException or HttpRequestException or OperationCanceledException)
            {
                StreamingLog.StreamFailed(logger, worker.ConnectionId, attempt + 1, e);
                metrics.StreamReconnected("failed");
            }

            attempt++;
            // While no socket is held, REST keeps the orders moving.
            await reconciliation.ReconcileAsync(target, cancellationToken);
            worker.BackingOff = true;
            try
            {
                await Task.Delay(ReconnectBackoff.Delay(attempt, Options), time, cancellationToken);
            }
            finally
            {
                worker.BackingOff = false;
            }
        }
    }
}
