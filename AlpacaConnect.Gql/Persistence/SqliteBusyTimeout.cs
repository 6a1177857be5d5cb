using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// Makes a SQLite writer that finds the database locked wait inside SQLite (which retries within milliseconds) instead
/// of failing at once into Microsoft.Data.Sqlite's own retry loop, which sleeps a fixed 150 ms per try: with several
/// orders saved at once that sleep, not the write, was the cost of placing an order. The setting belongs to the native
/// connection, which the pool keeps open across many opens of a <see cref="SqliteConnection"/>: it is set once per
/// native connection, not on every open (a statement more on every query).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    /// <summary>The native connections that have the setting; one dropped from the pool is collected with its entry.</summary>
    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } native } || _set.TryAdd(native, this);
}
