using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>Creates the context type of the configured provider, so each provider runs its own migrations.</summary>
internal sealed class ProviderDbContextFactory(DbContextOptions<AppDbContext> options, IOptions<PersistenceOptions> persistence)
    : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => persistence.Value.Provider == DatabaseProvider.Postgres
        ? new PostgresDbContext(options)
        : new AppDbContext(options);
}
