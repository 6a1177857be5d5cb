using Microsoft.Data.Sqlite;

namespace AlpacaConnect.Bench.Floor;

/// <summary>An order intent as the floor keeps it: enough to answer a repeated key and to find the order at Alpaca.</summary>
public sealed record FloorIntent(string Id, string ClientOrderId, string Status, string? AlpacaOrderId);

/// <summary>
/// The floor's one table, with raw Microsoft.Data.Sqlite, kept as durable as the server's database: a file in WAL mode
/// at SQLite's default <c>synchronous = FULL</c> (every commit is on disk before it returns), pooled connections, and
/// a busy timeout. Every write is its own <c>BEGIN IMMEDIATE</c> transaction.
/// </summary>
public sealed class FloorIntents : IDisposable
{
    private readonly string _connectionString;

    /// <summary>
    /// SQLite lets one writer in at a time; writers of this process queue here instead of inside SQLite, where a
    /// locked writer backs off and retries. Readers do not take it: in WAL mode they never wait for the writer.
    /// </summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    private FloorIntents(string connectionString) => _connectionString = connectionString;

    public static async Task<FloorIntents> OpenAsync(string file)
    {
        var intents = new FloorIntents(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
        await using var connection = await intents.ConnectAsync();
        // WAL is stored in the file, so it is set once; synchronous is left at SQLite's default (FULL), as the server does.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;");
        // The key is unique per user, so two calls racing with one key cannot both insert an intent (and both send).
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS order_intents (
                id TEXT PRIMARY KEY,
                user_key TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                client_order_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                qty TEXT NOT NULL,
                status TEXT NOT NULL,
                alpaca_order_id TEXT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NULL,
                UNIQUE (user_key, idempotency_key)
            );
            """);
        intents.Durability = Inv($"SQLite {connection.ServerVersion}, journal_mode {await ScalarAsync(connection, "PRAGMA journal_mode;")}, ") +
            Inv($"synchronous {await ScalarAsync(connection, "PRAGMA synchronous;")} (2 = FULL)");
        return intents;
    }

    /// <summary>The settings the file was opened with, as SQLite reports them, for the floor's log.</summary>
    public string Durability { get; private set; } = "";

    /// <summary>The intent this user already saved under this key, if any: a repeated call is answered, never sent again.</summary>
    public async Task<FloorIntent?> FindAsync(string userKey, string idempotencyKey)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, client_order_id, status, alpaca_order_id FROM order_intents WHERE user_key = $user AND idempotency_key = $key;";
        command.Parameters.AddWithValue("$user", userKey);
        command.Parameters.AddWithValue("$key", idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new FloorIntent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    /// <summary>
    /// Saves the intent, bound to its user, before anything is sent: after a crash the row (and its client_order_id)
    /// is how the order is found at Alpaca instead of being placed again. False when the key was taken meanwhile.
    /// </summary>
    public async Task<bool> TryAddAsync(string userKey, string idempotencyKey, FloorIntent intent, string symbol, string qty, DateTimeOffset now)
    {
        try
        {
            await WriteAsync(
                "INSERT INTO order_intents (id, user_key, idempotency_key, client_order_id, symbol, qty, status, created_at) " +
                "VALUES ($id, $user, $key, $client, $symbol, $qty, $status, $now);",
                ("$id", intent.Id), ("$user", userKey), ("$key", idempotencyKey), ("$client", intent.ClientOrderId),
                ("$symbol", symbol), ("$qty", qty), ("$status", intent.Status), ("$now", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: another call with the same user and key inserted first; it sends, this one answers it.
            return false;
        }
    }

    /// <summary>Records what Alpaca answered, so a repeated key (and the user's order list) sees the order as Alpaca has it.</summary>
    public Task SettleAsync(string id, string status, string? alpacaOrderId, DateTimeOffset now) =>
        WriteAsync(
            "UPDATE order_intents SET status = $status, alpaca_order_id = $alpaca, updated_at = $now WHERE id = $id;",
            ("$id", id), ("$status", status), ("$alpaca", alpacaOrderId), ("$now", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

    public void Dispose() => _writer.Dispose();

    private async Task WriteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await _writer.WaitAsync();
        try
        {
            await using var connection = await ConnectAsync();
            // BEGIN IMMEDIATE takes the write lock at the start, so the transaction cannot fail halfway on a busy database.
            await ExecuteAsync(connection, "BEGIN IMMEDIATE;");
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                await command.ExecuteNonQueryAsync();
                await ExecuteAsync(connection, "COMMIT;");
            }
            catch
            {
                // A pooled connection must not go back with the transaction open.
                await ExecuteAsync(connection, "ROLLBACK;");
                throw;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<SqliteConnection> ConnectAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        // Per connection, as the server's interceptor does: a writer meeting a checkpoint or another process's lock
        // waits inside SQLite instead of in Microsoft.Data.Sqlite's own retry loop (150 ms sleeps).
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static string Inv(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
