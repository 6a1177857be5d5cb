using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task StartingTheServerCreatesTheDataFolderAndAppliesEveryMigration()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"alpaca-connect-data-{Guid.NewGuid():N}", "data");
        var factory = new ApiFactory().WithSetting("Persistence:ConnectionString", $"Data Source={folder}/app.db");
        try
        {
            factory.CreateClient().Dispose();

            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.True(File.Exists(Path.Combine(folder, "app.db")));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            // The server stops first: its background work opens the database too, and a file it created while the
            // folder was being deleted made the deletion fail ("Directory not empty").
            factory.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
