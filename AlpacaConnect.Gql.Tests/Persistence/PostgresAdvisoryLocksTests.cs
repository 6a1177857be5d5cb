using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AlpacaConnect.Gql.Tests.Persistence;

/// <summary>Shared locks on PostgreSQL, between two "instances" (each with its own pool and in-process queue).</summary>
public sealed class PostgresAdvisoryLocksTests : IDisposable
{
    private readonly PostgresDatabase _database = new();
    private readonly List<LockDataSource> _pools = [];

    [ScaleOutFact]
    public async Task ANameHeldOnOneInstanceWaitsOnTheOtherUntilReleased()
    {
        var (first, second) = (Instance(), Instance());
        var held = await first.AcquireAsync("order-user:alice", CancellationToken.None);

        var waiting = second.AcquireAsync("order-user:alice", CancellationToken.None);
        await UntilBlockedAsync();
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();

        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [ScaleOutFact]
    public async Task OtherNamesDoNotWait()
    {
        var (first, second) = (Instance(), Instance());
        await using var held = await first.AcquireAsync("order-user:alice", CancellationToken.None);

        await using var other = await second.AcquireAsync("order-user:bob", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [ScaleOutFact]
    public async Task TheLockOfAnInstanceWhoseConnectionDiesIsFreed()
    {
        var (first, second) = (Instance(), Instance());
        var held = await first.AcquireAsync("order-user:alice", CancellationToken.None);
        var waiting = second.AcquireAsync("order-user:alice", CancellationToken.None);
        await UntilBlockedAsync();

        // What the database sees when the holder's process dies: its session ends.
        await QueryAsync("SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())");

        await using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        await held.DisposeAsync(); // releasing over the dead connection is quiet
    }

    public void Dispose()
    {
        _pools.ForEach(p => p.Dispose());
        _database.Dispose();
    }

    private PostgresAdvisoryLocks Instance()
    {
        var pool = new LockDataSource(Options.Create(new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = _database.ConnectionString }));
        _pools.Add(pool);
        return new PostgresAdvisoryLocks(pool);
    }

    /// <summary>Until the database shows an advisory lock request that waits (a hang guard bounds it).</summary>
    private async Task UntilBlockedAsync()
    {
        for (var attempt = 0; attempt < 1500; attempt++)
        {
            if (await QueryAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") is > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("No lock request ever waited.");
    }

    private async Task<long> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
