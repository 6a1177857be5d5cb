using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// The outbox's claims and outcomes. A row is claimed by one conditional update (pending, due, and unclaimed or its
/// claim run out), which on PostgreSQL re-checks the condition on the locked row and on SQLite runs alone, so however
/// many instances scan at once each row goes to one of them. Every outcome is written only while the claim is still
/// the writer's: an instance whose claim was taken over (it stalled past the lease) cannot undo the newer owner's work.
/// </summary>
internal sealed class OutboxClaims(IDbContextFactory<AppDbContext> databases)
{
    /// <summary>Claims up to <paramref name="batchSize"/> due rows for <paramref name="claim"/>; returns them with their devices.</summary>
    public async Task<IReadOnlyList<(OutboxMessage Row, PushDevice? Device)>> ClaimAsync(
        string claim, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await Due(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        await Due(db, now).Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.ClaimedBy, claim).SetProperty(x => x.ClaimedUntil, now + lease), cancellationToken);
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => due.Contains(m.Id) && m.ClaimedBy == claim).ToListAsync(cancellationToken);
        var deviceIds = rows.Where(r => r.DeviceId is not null).Select(r => r.DeviceId!.Value).Distinct().ToList();
        var devices = deviceIds.Count == 0
            ? []
            : await db.Set<PushDevice>().AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        return [.. rows.Select(r => (r, r.DeviceId is { } id ? devices.GetValueOrDefault(id) : null))];
    }

    /// <summary>
    /// Records the rows of one batch a provider accepted, in one transaction: one commit (on SQLite one turn of the
    /// single writer) for the whole batch instead of one per row. Each row still only while the claim is the writer's.
    /// </summary>
    public async Task SentAsync(string claim, string instance, IReadOnlyCollection<Accepted> accepted, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in accepted)
        {
            await Claimed(db, row.Id, claim).ExecuteUpdateAsync(m => m
                .SetProperty(x => x.State, OutboxState.Sent)
                .SetProperty(x => x.SentBy, instance)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.SentAt, row.At)
                .SetProperty(x => x.ProviderId, row.ProviderId)
                .SetProperty(x => x.LastError, (string?)null)
                .SetProperty(x => x.ClaimedBy, (string?)null)
                .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<bool> RetryAsync(long id, string claim, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        SettleAsync(id, claim, m => m
            .SetProperty(x => x.Attempts, x => x.Attempts + 1)
            .SetProperty(x => x.NextAttemptAt, at)
            .SetProperty(x => x.LastError, Trim(reason)), cancellationToken);

    /// <summary>Ends a row without sending it again: <see cref="OutboxState.Dead"/> or <see cref="OutboxState.Dropped"/>.</summary>
    public Task<bool> EndAsync(long id, string claim, OutboxState state, string reason, bool attempted, CancellationToken cancellationToken) =>
        SettleAsync(id, claim, m => m
            .SetProperty(x => x.State, state)
            .SetProperty(x => x.Attempts, x => x.Attempts + (attempted ? 1 : 0))
            .SetProperty(x => x.LastError, Trim(reason)), cancellationToken);

    /// <summary>Drops every row still waiting for a device that is gone.</summary>
    public async Task DropPendingOfAsync(Guid deviceId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<OutboxMessage>().Where(m => m.DeviceId == deviceId && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.State, OutboxState.Dropped).SetProperty(x => x.LastError, Trim(reason)), cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(AppDbContext db, DateTimeOffset now) =>
        db.Set<OutboxMessage>().Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private async Task<bool> SettleAsync(
        long id, string claim,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> set,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await Claimed(db, id, claim)
            .ExecuteUpdateAsync(m =>
            {
                set(m);
                m.SetProperty(x => x.ClaimedBy, (string?)null).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null);
            }, cancellationToken) == 1;
    }

    private static IQueryable<OutboxMessage> Claimed(AppDbContext db, long id, string claim) =>
        db.Set<OutboxMessage>().Where(m => m.Id == id && m.ClaimedBy == claim && m.State == OutboxState.Pending);

    private static string Trim(string reason) => reason.Length > 256 ? reason[..256] : reason;
}

/// <summary>A row the provider accepted, with the provider's id for it and when.</summary>
internal sealed record Accepted(long Id, string? ProviderId, DateTimeOffset At);
