using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// The server's database. Features add their entities through <see cref="IEntityTypeConfiguration{T}"/>
/// classes in their own folders; this class only gathers them. This type is the SQLite database (its migrations are in
/// <c>Migrations/</c>); <see cref="PostgresDbContext"/> is the same model on PostgreSQL with its own migrations.
/// </summary>
internal class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, so protected data (tokens at rest) survives restarts and is shared by instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type and EF cannot compare or order DateTimeOffset text there; stored as
        // binary (UTC ticks first), comparisons in SQL are exact.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
