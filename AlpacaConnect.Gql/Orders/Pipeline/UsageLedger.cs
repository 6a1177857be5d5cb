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
        await EnsureRowAsync(db, userId, reservation.Day, cancellationToken);
        var count = reservation.Count;
        var micros = reservation.NotionalMicros;
        // A reservation that lowers a figure always fits: a replacement for less must not be refused because the cap
        // was lowered meanwhile.
        var taken = await db.Set<DailyUsage>()
            .Where(u => u.UserId == userId && u.Day == reservation.Day
                && (count <= 0 || u.Count + count <= maxCount)
                && (micros <= 0 || u.NotionalMicros + micros <= maxNotionalMicros))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Count, u => u.Count + count)
                .SetProperty(u => u.NotionalMicros, u => u.NotionalMicros + micros), cancellationToken);
        return taken == 1;
    }

    /// <summary>Gives a reservation back (negative <paramref name="sign"/>) or takes it again unconditionally (positive).</summary>
    public static async Task AdjustAsync(AppDbContext db, string userId, Reservation reservation, int sign, CancellationToken cancellationToken)
    {
        if (reservation.Count == 0 && reservation.NotionalMicros == 0)
        {
            return;
        }

        await EnsureRowAsync(db, userId, reservation.Day, cancellationToken);
        var count = reservation.Count * sign;
        var micros = reservation.NotionalMicros * sign;
        await db.Set<DailyUsage>()
            .Where(u => u.UserId == userId && u.Day == reservation.Day)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Count, u => u.Count + count)
                .SetProperty(u => u.NotionalMicros, u => u.NotionalMicros + micros), cancellationToken);
    }

    /// <summary>Both providers take this statement as written; a concurrent first reservation of the day inserts nothing twice.</summary>
    private static Task<int> EnsureRowAsync(AppDbContext db, string userId, string day, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DailyUsage" ("UserId", "Day", "Count", "NotionalMicros") VALUES ({userId}, {day}, 0, 0) ON CONFLICT DO NOTHING""",
            cancellationToken);
}
