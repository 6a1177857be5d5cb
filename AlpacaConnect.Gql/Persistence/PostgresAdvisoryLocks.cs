using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// <see cref="ISharedLocks"/> across server instances: a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>)
/// on a connection of its own, held in an open transaction until released. The database ends the transaction, and
/// so frees the lock, if this process dies or its connection breaks, so a crashed instance never leaves a lock behind.
/// </summary>
/// <remarks>
/// Waiters of this process queue in memory first, so a contended name costs one connection per instance, not one
/// per waiter. Lock connections come from their own pool (<see cref="LockDataSource"/>): holders need ordinary
/// connections to finish their work, and a pool full of waiting lock connections must never starve them.
/// </remarks>
internal sealed class PostgresAdvisoryLocks(LockDataSource locks) : ISharedLocks
{
    private readonly KeyedLock _local = new();

    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(name, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await locks.DataSource.OpenConnectionAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // No command timeout: the wait is bounded by the caller's cancellation (a request's execution timeout).
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = KeyOf(name) });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(local, connection, transaction);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await local.DisposeAsync();
            throw;
        }
    }

    /// <summary>Advisory locks are named by a 64-bit number; a collision only makes two names wait for each other.</summary>
    internal static long KeyOf(string name) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private sealed class Held(IAsyncDisposable local, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection broke: the server ended the transaction, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }
}
