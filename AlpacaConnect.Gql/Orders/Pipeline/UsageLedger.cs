using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// The daily limits as atomic reservations (decision 0015). A reservation is one conditional UPDATE of the user's
/// <see cref="DailyUsage"/> row, made in the same transaction as the insert of the order it is for: it either fits
/// under the caps and is taken, or changes nothing. PostgreSQL re-checks the condition on the row it locked, SQLite
/// holds its one writer lock, so two orders can never both take the last unit of a cap.
/// </summary>
internal static class UsageLedger
{
    public static async Task<(int Count, long NotionalMicros)> ReadAsync(AppDbContext db, string userId, string day, CancellationToken cancellationToken)
    {
        var usage = await db.Set<DailyUsage>().AsNoTracking()
            .Where(u => u.UserId == userId && u.Day == day)
            .Select(u => new { u.Count, u.NotionalMicros })
            .SingleOrDefaultAsync(cancellationToken);
        return usage is null ? (0, 0) : (usage.Count, usage.NotionalMicros);
    }

    /// <summary>Takes <paramref name="reservation"/> if it fits under both caps. Call inside the caller's transaction.</summary>
    public static async Task<bool> TryReserveAsync(
        AppDbContext db, string userId, Reservation reservation, int maxCount, long maxNotionalMicros, CancellationToken cancellationToken)
    {
        var count = reservation.Count;
        var micros = reservation.NotionalMicros;
        // A reservation that lowers a figure always fits: a replacement for less must not be refused because the cap
        // was lowered meanwhile. Plain SQL rather than ExecuteUpdate: this runs while the order's transaction holds
        // SQLite's one writer, and building the LINQ statement each time was a tenth of that hold.
        Task<int> Take() => db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "DailyUsage" SET "Count" = "Count" + {count}, "NotionalMicros" = "NotionalMicros" + {micros}
            WHERE "UserId" = {userId} AND "Day" = {reservation.Day}
              AND ({count} <= 0 OR "Count" + {count} <= {maxCount})
              AND ({micros} <= 0 OR "NotionalMicros" + {micros} <= {maxNotionalMicros})
            """,
            cancellationToken);

        return await WithRowAsync(db, userId, reservation.Day, Take, cancellationToken) == 1;
    }

    /// <summary>Gives a reservation back (negative <paramref name="sign"/>) or takes it again unconditionally (positive).</summary>
    public static async Task AdjustAsync(AppDbContext db, string userId, Reservation reservation, int sign, CancellationToken cancellationToken)
    {
        if (reservation.Count == 0 && reservation.NotionalMicros == 0)
        {
            return;
        }

        var count = reservation.Count * sign;
        var micros = reservation.NotionalMicros * sign;
        Task<int> Adjust() => db.Set<DailyUsage>()
            .Where(u => u.UserId == userId && u.Day == reservation.Day)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Count, u => u.Count + count)
                .SetProperty(u => u.NotionalMicros, u => u.NotionalMicros + micros), cancellationToken);

        await WithRowAsync(db, userId, reservation.Day, Adjust, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="update"/>; only when it changed nothing is the day's row made sure of and the update run
    /// again. Every order but a user's first of the day costs one statement here instead of two. The second run is
    /// needed even when the insert found the row: on PostgreSQL a concurrent first insert may have committed after
    /// the first update looked, and the second update, a new statement, sees it.
    /// </summary>
    private static async Task<int> WithRowAsync(AppDbContext db, string userId, string day, Func<Task<int>> update, CancellationToken cancellationToken)
    {
        var changed = await update();
        if (changed != 0)
        {
            return changed;
        }

        await EnsureRowAsync(db, userId, day, cancellationToken);
        return await update();
    }

    /// <summary>Both providers take this statement as written; a concurrent first reservation of the day inserts nothing twice.</summary>
    private static Task<int> EnsureRowAsync(AppDbContext db, string userId, string day, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DailyUsage" ("UserId", "Day", "Count", "NotionalMicros") VALUES ({userId}, {day}, 0, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
}
