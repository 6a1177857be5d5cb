using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlpacaConnect.Gql.Tests.Streaming;

/// <summary>
/// A database error at our own boundary: once armed, the next commands that match fail as a broken connection would,
/// before they reach the database.
/// </summary>
public sealed class DatabaseFault : DbCommandInterceptor
{
    private Func<DbCommand, bool> _matches = static _ => false;
    private int _remaining;
    private int _fired;

    /// <summary>The stream supervisor renewing (or taking) an account's stream lease.</summary>
    public static bool LeaseRenewal(DbCommand command) =>
        command.CommandText.Contains("UPDATE \"StreamLeases\"", StringComparison.Ordinal);

    /// <summary>The check, after a trade update that matched none of our orders, whether one of ours waits for its ids.</summary>
    public static bool UnlinkedOrderCheck(DbCommand command) =>
        command.CommandText.Contains("\"AlpacaOrderId\" IS NULL", StringComparison.Ordinal);

    public int Fired => Volatile.Read(ref _fired);

    public void Arm(Func<DbCommand, bool> matches, int count = 1)
    {
        _matches = matches;
        Volatile.Write(ref _remaining, count);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Check(command, result));

    private T Check<T>(DbCommand command, T result)
    {
        if (Volatile.Read(ref _remaining) > 0 && _matches(command) && Interlocked.Decrement(ref _remaining) >= 0)
        {
            Interlocked.Increment(ref _fired);
            throw new InjectedDatabaseFault();
        }

        return result;
    }

    private sealed class InjectedDatabaseFault() : DbException("Injected database fault (the connection broke).");
}
