using AlpacaConnect.Gql.Audit;
using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// The webhook dead-letter queue as the operator sees it, and redelivery on request (Standard Webhooks recommends both
/// after a long failure). Redelivery puts the row back in the outbox with its webhook-id, so a receiver that got it
/// once can still tell it is the same event.
/// </summary>
internal sealed class OperatorWebhooks(IDbContextFactory<AppDbContext> databases, TimeProvider time)
{
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<OperatorWebhookView>> ListDeadAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Channel == NotificationChannel.Webhook && m.State == OutboxState.Dead)
            .OrderByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(OperatorWebhookView.From)];
    }

    /// <summary>A dead or already delivered webhook row back to pending with its attempts reset; the audit row in the same transaction.</summary>
    public async Task<OperatorActionResult<OperatorWebhookView>> RedeliverAsync(long id, string operatorId, string reason)
    {
        // Not cancellable by the request: once decided, the change and its audit row are written together.
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var row = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.Channel == NotificationChannel.Webhook, CancellationToken.None);
        var now = time.GetUtcNow();
        var outcome = row?.State switch
        {
            null => "not-found",
            OutboxState.Dead or OutboxState.Sent => "redelivering",
            OutboxState.Pending => "already-pending",
            _ => "not-redeliverable",
        };
        if (outcome == "redelivering")
        {
            row!.State = OutboxState.Pending;
            row.Attempts = 0;
            row.NextAttemptAt = now;
            row.ClaimedBy = null;
            row.ClaimedUntil = null;
            row.SentAt = null;
            row.ProviderId = null;
            row.LastError = null;
        }

        db.Add(OperatorAuditEntry.Of(now, operatorId, "webhook.redeliver", id.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, outcome));
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return new OperatorActionResult<OperatorWebhookView>(outcome, row is null ? null : OperatorWebhookView.From(row));
    }
}

/// <summary>A webhook outbox row without its payload: the operator needs what failed and why, not the event's data.</summary>
internal sealed record OperatorWebhookView(
    long Id, string UserId, string EventType, string WebhookId, string State, int Attempts, string? LastError, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt)
{
    public static OperatorWebhookView From(OutboxMessage m) =>
        new(m.Id, m.UserId, m.EventType, m.DedupId, m.State.ToString(), m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt);
}
