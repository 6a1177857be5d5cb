using AlpacaConnect.Gql.Audit;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Halts;

/// <summary>
/// Reads and flips the kill switch. Read from the database on every money-moving command (one indexed query of a table
/// of a few rows): a pause set on one instance stops the next command on every other, with no cache to wait out.
/// Every change is written with its audit row in one transaction, so there is no switch without its who, when and why.
/// </summary>
internal sealed class TradingHalts(IDbContextFactory<AppDbContext> databases, TimeProvider time)
{
    /// <summary>The halt that stops <paramref name="userId"/> trading on <paramref name="accountId"/> now; null when none does.</summary>
    public async Task<TradingHalt?> FindAsync(string userId, string? accountId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var halts = await db.Set<TradingHalt>().AsNoTracking()
            .Where(h => h.Scope == HaltScope.All
                || (h.Scope == HaltScope.User && h.Target == userId)
                || (accountId != null && h.Scope == HaltScope.Account && h.Target == accountId))
            .ToListAsync(cancellationToken);
        // The widest pause is the one to report: lifting a narrower one would not resume trading.
        return halts.OrderBy(h => h.Scope).FirstOrDefault();
    }

    public async Task<IReadOnlyList<TradingHalt>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var halts = await db.Set<TradingHalt>().AsNoTracking().ToListAsync(cancellationToken);
        return halts.OrderBy(h => h.Scope).ThenBy(h => h.Target, StringComparer.Ordinal).ToList();
    }

    /// <summary>Pauses the scope; <c>paused</c>, or <c>already-paused</c> when it was (the first reason stays).</summary>
    public async Task<string> PauseAsync(HaltScope scope, string target, string operatorId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var exists = await db.Set<TradingHalt>().AnyAsync(h => h.Scope == scope && h.Target == target, cancellationToken);
        if (!exists)
        {
            db.Add(new TradingHalt { Id = Guid.NewGuid(), Scope = scope, Target = target, Reason = reason, SetBy = operatorId, SetAt = now });
        }

        var outcome = exists ? "already-paused" : "paused";
        db.Add(Audit("halt.pause", scope, target, operatorId, reason, outcome, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException) when (!exists)
        {
            // Another operator paused the same scope a moment earlier (the unique index held): theirs stands.
            await transaction.RollbackAsync(CancellationToken.None);
            await using var again = await databases.CreateDbContextAsync(CancellationToken.None);
            again.Add(Audit("halt.pause", scope, target, operatorId, reason, "already-paused", now));
            await again.SaveChangesAsync(CancellationToken.None);
            return "already-paused";
        }
    }

    /// <summary>Lifts the scope's pause; <c>resumed</c>, or <c>not-paused</c> when there was none.</summary>
    public async Task<string> ResumeAsync(HaltScope scope, string target, string operatorId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Set<TradingHalt>().Where(h => h.Scope == scope && h.Target == target).ExecuteDeleteAsync(cancellationToken);
        var outcome = removed > 0 ? "resumed" : "not-paused";
        db.Add(Audit("halt.resume", scope, target, operatorId, reason, outcome, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static OperatorAuditEntry Audit(
        string action, HaltScope scope, string target, string operatorId, string reason, string outcome, DateTimeOffset now) =>
        OperatorAuditEntry.Of(now, operatorId, action, TradingHalt.Label(scope, target), reason, outcome);
}
