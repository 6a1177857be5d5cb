using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Persistence;

public static class PersistenceExtensions
{
    /// <summary>EF Core on SQLite through <see cref="IDbContextFactory{TContext}"/>, and the Data Protection key ring in it.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersistenceOptions>()
            .Bind(builder.Configuration.GetSection(PersistenceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddDbContextFactory<AppDbContext>((services, db) =>
        {
            var options = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            db.UseSqlite(SqliteConnectionStrings.Resolve(options.ConnectionString, environment.ContentRootPath));
        });

        builder.Services.AddDataProtection()
            .SetApplicationName("AlpacaConnect.Gql")
            .PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>Creates the data folder and applies committed migrations before the server takes requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync();
    }
}
