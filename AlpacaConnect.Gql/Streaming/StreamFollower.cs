using System.Net.WebSockets;
using AlpacaConnect.Gql.Alpaca;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Streaming;

/// <summary>How following an open stream ended.</summary>
internal enum FollowEnd
{
    Closed,
    Idle,
    LeaseLost,
}

/// <summary>
/// Follows one open trade_updates socket: hands each update to the Orders feature, renews the account's lease, and every
/// poll interval checks that the stream is still needed and reconciles against a socket that stalls silently.
/// </summary>
internal sealed class StreamFollower(
    ITradeUpdateHandler handler,
    StreamLeases leases,
    StreamNeed need,
    ReconciliationScheduler reconciliation,
    IOptions<StreamingOptions> options,
    TimeProvider time,
    ILogger<TradeUpdatesSupervisor> logger)
{
    /// <summary>Reads the socket until it closes, the account no longer needs it, or another instance took its lease.</summary>
    public async Task<FollowEnd> FollowAsync(StreamWorker worker, StreamTarget target, IAlpacaTradeUpdateSocket stream, CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(worker, target, stream, session.Token);
        var pollInterval = options.Value.PollInterval;
        var lastCheck = time.GetTimestamp();
        try
        {
            while (true)
            {
                var tick = Task.Delay(pollInterval < leases.RenewEvery ? pollInterval : leases.RenewEvery, time, session.Token);
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

                if (time.GetElapsedTime(lastCheck) < pollInterval)
                {
                    continue;
                }

                lastCheck = time.GetTimestamp();
                if (!worker.Poked && !await need.IsNeededAsync(target, cancellationToken))
                {
                    return FollowEnd.Idle;
                }

                worker.Poked = false;
                await reconciliation.ReconcileAsync(worker, target, cancellationToken);
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

    private async Task ReadAsync(StreamWorker worker, StreamTarget target, IAlpacaTradeUpdateSocket stream, CancellationToken cancellationToken)
    {
        await foreach (var update in stream.ReadAllAsync(cancellationToken))
        {
            bool matched;
            try
            {
                matched = await handler.ApplyAsync(target, update, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not lost: the order is still open here, and a reconciliation reads its state from Alpaca.
                StreamingLog.ApplyFailed(logger, worker.ConnectionId, e);
                reconciliation.ReconcileSoon(worker, target, cancellationToken);
                continue;
            }

            if (!matched && await handler.HasUnlinkedOrdersAsync(target.Connection.ConnectionId, cancellationToken))
            {
                reconciliation.ReconcileSoon(worker, target, cancellationToken);
            }
        }
    }
}
