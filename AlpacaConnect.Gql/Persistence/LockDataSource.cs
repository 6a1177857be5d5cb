using Microsoft.Extensions.Options;
using Npgsql;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>The PostgreSQL connection pool of <see cref="PostgresAdvisoryLocks"/>, apart from EF Core's.</summary>
internal sealed class LockDataSource(IOptions<PersistenceOptions> options) : IDisposable
{
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(options.Value.ConnectionStringOrDefault()) { ApplicationName = "alpaca-connect-locks" }));

    public NpgsqlDataSource DataSource => _dataSource.Value;

    public void Dispose()
    {
        if (_dataSource.IsValueCreated)
        {
            _dataSource.Value.Dispose();
        }
    }
}
