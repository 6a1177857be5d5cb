using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// For <c>dotnet ef ... --context PostgresDbContext</c>: adding a migration or checking for model changes compares the
/// model with the snapshot and never connects, so no database (and no configuration) is needed.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=design-time-only").Options);
}
