using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The last sequence number given to one user's order events: the user's log (<c>orderUpdated(after:)</c>,
/// <c>orderEvents</c>) is read in this order.
/// </summary>
/// <remarks>
/// A counter row rather than the events' own ids: on PostgreSQL ids are handed out at insert, so a reader could see
/// id 11 committed while 10 is still in flight and skip 10 for good after resuming from 11. Taking the next number
/// from this row, in the transaction that saves the event, locks the row until that commit, so one user's numbers
/// become visible in the order they were given (SQLite has a single writer and gets the same for free).
/// </remarks>
internal sealed class UserEventSequence
{
    public required string UserId { get; init; }

    public long Last { get; set; }

    /// <summary>The user's next number; call inside the transaction that saves the event it numbers.</summary>
    public static async Task<long> NextAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        // Both providers take this statement as written (SQLite 3.35+ and PostgreSQL: upsert with RETURNING). Run as a
        // raw command rather than through SqlQuery's LINQ pipeline: it runs while the event's transaction holds SQLite's
        // one writer, and compiling the query each time was an eighth of that hold.
        var command = db.GetService<IRawSqlCommandBuilder>().Build(
            """
            INSERT INTO "UserEventSequences" ("UserId", "Last") VALUES ({0}, 1)
            ON CONFLICT ("UserId") DO UPDATE SET "Last" = "UserEventSequences"."Last" + 1
            RETURNING "Last"
            """,
            [userId],
            db.Model);
        var last = await command.RelationalCommand.ExecuteScalarAsync(
            new RelationalCommandParameterObject(
                db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()),
            cancellationToken);
        return Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture);
    }
}
