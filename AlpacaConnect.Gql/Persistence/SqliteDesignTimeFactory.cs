using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// The SQLite model for <c>dotnet ef</c> (<c>--context AppDbContext</c>). Without it the tools build the context from
/// the application's services, where <see cref="PostgresDbContext"/> (a subclass) can answer for it, and SQLite's
/// migrations would silently be compared with the PostgreSQL model.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time-only.db").Options);
}
