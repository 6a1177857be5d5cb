using System.Collections.Concurrent;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Orders;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// Sends the outbox: claims due rows, sends each once through its channel's sender, and records the outcome. Woken by
/// every order or connection event on this instance and otherwise every <see cref="NotificationsOptions.PollInterval"/>
/// (retries coming due, rows written by other instances). A row is sent at least once: an instance that dies between
/// the provider's accept and the outcome's write leaves its claim to run out, and the row goes again with the same
/// dedup id, which the providers (and the device) deduplicate on.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxClaims claims,
    IEnumerable<INotificationSender> senders,
    PushDeviceRegistry devices,
    IEventBus events,
    NotificationMetrics metrics,
    IOptionsMonitor<NotificationsOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Names this instance in its claims and sent rows: the machine and a suffix of its own (several may share a machine).</summary>
    private readonly string _instance = $"{(Environment.MachineName.Length > 15 ? Environment.MachineName[..15] : Environment.MachineName)}-{Guid.NewGuid():N}"[..^24];
    private readonly Dictionary<NotificationChannel, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly SemaphoreSlim _wake = new(0, 1);

    private IDisposable? _orders;
    private IDisposable? _connections;

    /// <summary>Listens for events before the host serves anything, so no event of the first requests goes unheard.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _orders = events.Events<OrderChanged>().Subscribe(new WakeOn<OrderChanged>(this));
        _connections = events.Events<AlpacaConnectionChanged>().Subscribe(new WakeOn<AlpacaConnectionChanged>(this));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _orders?.Dispose();
        _connections?.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await RunBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database fault must not end delivery: the rows stay, and the next pass takes them.
                LogPassFailed(ex);
            }

            if (sent < options.CurrentValue.BatchSize)
            {
                using var poll = new CancellationTokenSource(options.CurrentValue.PollInterval, time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, stoppingToken);
                try
                {
                    await _wake.WaitAsync(either.Token);
                    if (options.CurrentValue.WakeCoalescing > TimeSpan.Zero)
                    {
                        await Task.Delay(options.CurrentValue.WakeCoalescing, time, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The poll interval passed without a wake-up.
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: claims a batch and sends it; returns how many rows it claimed.</summary>
    internal async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var claim = $"{_instance}-{Guid.NewGuid():N}";
        var batch = await claims.ClaimAsync(claim, time.GetUtcNow(), settings.ClaimLease, settings.BatchSize, cancellationToken);
        var accepted = new ConcurrentQueue<Accepted>();
        await Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentSends, CancellationToken = cancellationToken },
            async (item, ct) => await SendAsync(claim, item.Row, item.Device, accepted, ct));

        // Recorded even when the host is stopping: these the providers have; unrecorded, they would go again.
        await claims.SentAsync(claim, _instance, accepted, CancellationToken.None);
        return batch.Count;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    private async Task SendAsync(
        string claim, OutboxMessage row, PushDevice? device, ConcurrentQueue<Accepted> accepted, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(row.Channel, out var sender) || !sender.IsConfigured)
        {
            await EndAsync(claim, row, OutboxState.Dropped, "not_configured", attempted: false, cancellationToken);
            return;
        }

        if (row.Channel != NotificationChannel.Webhook && (device is null || device.UserId != row.UserId))
        {
            // Unregistered, dead, or handed to another user since the row was written: it is not this user's phone now.
            await EndAsync(claim, row, OutboxState.Dropped, "device_gone", attempted: false, cancellationToken);
            return;
        }

        var target = device is null ? null : new PushTarget(device.Id, device.Token, device.Environment, device.RegisteredAt);
        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(
                new OutgoingNotification(row.Id, row.DedupId, row.CollapseKey, row.EventType, row.Payload, row.Attempts + 1, row.CreatedAt, target),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogSendFailed(row.Channel, row.Id, ex.GetType().Name);
            outcome = new SendOutcome.Retry("error " + ex.GetType().Name);
        }

        if (outcome is SendOutcome.Delivered delivered)
        {
            var now = time.GetUtcNow();
            accepted.Enqueue(new Accepted(row.Id, delivered.ProviderId, now));
            metrics.Sent(row.Channel, now - row.CreatedAt);
            return;
        }

        await ApplyAsync(claim, row, target, sender, outcome, cancellationToken);
    }

    private async Task ApplyAsync(
        string claim, OutboxMessage row, PushTarget? target, INotificationSender sender, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Retry retry when sender.RetryDelay(row.Attempts + 1) is { } backoff:
                await claims.RetryAsync(row.Id, claim, retry.Reason, now + (retry.RetryAfter is { } after && after > backoff ? after : backoff), cancellationToken);
                metrics.Retried(row.Channel, retry.Reason);
                break;
            case SendOutcome.Retry retry:
                await EndAsync(claim, row, OutboxState.Dead, "retries_exhausted " + retry.Reason, attempted: true, cancellationToken);
                break;
            case SendOutcome.TokenDead dead when target is not null:
                var removed = await devices.RemoveDeadAsync(target.DeviceId, dead.InvalidSince, cancellationToken);
                await EndAsync(claim, row, OutboxState.Dropped, "token_dead " + dead.Reason, attempted: true, cancellationToken);
                if (removed)
                {
                    await claims.DropPendingOfAsync(target.DeviceId, "token_dead " + dead.Reason, cancellationToken);
                }

                break;
            case SendOutcome.Failed failed:
                await EndAsync(claim, row, OutboxState.Dead, failed.Reason, attempted: true, cancellationToken);
                break;
            default:
                await EndAsync(claim, row, OutboxState.Dead, "unexpected_outcome", attempted: true, cancellationToken);
                break;
        }
    }

    private async Task EndAsync(string claim, OutboxMessage row, OutboxState state, string reason, bool attempted, CancellationToken cancellationToken)
    {
        await claims.EndAsync(row.Id, claim, state, reason, attempted, cancellationToken);
        if (state == OutboxState.Dead)
        {
            metrics.Failed(row.Channel, reason);
        }
        else
        {
            metrics.Dropped(row.Channel, reason);
        }
    }

    private sealed class WakeOn<T>(OutboxDispatcher dispatcher) : IObserver<T>
    {
        public void OnNext(T value) => dispatcher.Wake();

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed; its rows stay pending and the next pass takes them.")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox row {RowId} over {Channel} threw {ExceptionType}; it will be retried.")]
    private partial void LogSendFailed(NotificationChannel channel, long rowId, string exceptionType);
}
