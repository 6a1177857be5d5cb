using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// Makes a SQLite writer that finds the database locked wait inside SQLite (which retries within milliseconds) instead
/// of failing at once into Microsoft.Data.Sqlite's own retry loop, which sleeps a fixed 150 ms per try: with several
/// orders saved at once that sleep, not the write, was the cost of placing an order.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
