using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Persistence;

internal static class PersistenceExtensions
{
    private static readonly SqliteBusyTimeout BusyTimeout = new();

    /// <summary>
    /// EF Core through <see cref="IDbContextFactory{TContext}"/> on SQLite (default) or PostgreSQL, the Data Protection
    /// key ring in that database (encrypted with a certificate: <see cref="KeyRingOptions"/>), and <see cref="ISharedLocks"/>. The provider is read when services are first resolved:
    /// configuration added by a test host is only final then.
    /// </summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersistenceOptions>()
            .Bind(builder.Configuration.GetSection(PersistenceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>();

        builder.Services.AddDbContextFactory<AppDbContext, ProviderDbContextFactory>((services, db) =>
        {
            var options = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            if (options.Provider == DatabaseProvider.Postgres)
            {
                db.UseNpgsql(options.ConnectionStringOrDefault());
                return;
            }

            var environment = services.GetRequiredService<IHostEnvironment>();
            db.UseSqlite(SqliteConnectionStrings.Resolve(options.ConnectionStringOrDefault(), environment.ContentRootPath))
                .AddInterceptors(BusyTimeout, services.GetRequiredService<SqliteWriteGate>());
        });
        builder.Services.AddSingleton<SqliteWriteGate>();

        builder.Services.AddSingleton<LockDataSource>();
        builder.Services.AddSingleton<ISharedLocks>(services =>
            services.GetRequiredService<IOptions<PersistenceOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? new PostgresAdvisoryLocks(services.GetRequiredService<LockDataSource>())
                : new KeyedLock());

        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("AlpacaConnect.Gql")
            .PersistKeysToDbContext<AppDbContext>();
        KeyRingProtection.Configure(dataProtection, builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }

    /// <summary>
    /// Applies committed migrations before the server takes requests (for SQLite, after creating the data folder).
    /// On PostgreSQL, EF Core holds a database lock while migrating, so instances starting together migrate once.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (db.Database.IsNpgsql())
        {
            // EF's own migration lock on PostgreSQL ends with each migration's transaction, so two instances starting
            // together could both apply the second of two pending migrations. A session lock spans them all.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7243001)");
            try
            {
                await db.Database.MigrateAsync();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7243001)");
                await db.Database.CloseConnectionAsync();
            }

            return;
        }

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers no longer block the one writer (and it them); the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
    }
}
