using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// The same model on PostgreSQL. A type of its own because EF Core keeps one migration history per context type: the
/// PostgreSQL migrations (in <c>Migrations/Postgres/</c>) are attributed to this type, SQLite's to
/// <see cref="AppDbContext"/>. Everything else asks for <see cref="AppDbContext"/> and gets this one when
/// <c>Persistence:Provider</c> is <c>Postgres</c>.
/// </summary>
internal sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz stores an instant; Npgsql refuses a DateTimeOffset with any offset but zero rather than guess.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtc>();
    }

    private sealed class ToUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
