using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// Creates the context type of the configured provider, so each provider runs its own migrations, from a pool of
/// contexts: each unit of work here takes a context of its own, and a new one costs its own internal service scope,
/// which was a tenth of the server's CPU while placing orders. A context goes back to the pool, reset, when disposed.
/// </summary>
internal sealed class ProviderDbContextFactory : IDbContextFactory<AppDbContext>
{
    private readonly Func<AppDbContext> _create;

    public ProviderDbContextFactory(DbContextOptions<AppDbContext> options, IOptions<PersistenceOptions> persistence)
    {
        if (persistence.Value.Provider == DatabaseProvider.Postgres)
        {
            // The same configuration, typed for the PostgreSQL context (a pool creates one context type only).
            var postgres = new DbContextOptions<PostgresDbContext>(options.Extensions.ToDictionary(e => e.GetType()));
            _create = new PooledDbContextFactory<PostgresDbContext>(postgres).CreateDbContext;
        }
        else
        {
            _create = new PooledDbContextFactory<AppDbContext>(options).CreateDbContext;
        }
    }

    public AppDbContext CreateDbContext() => _create();
}
