using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Persistence;

/// <summary>
/// The queries for open orders read the partial indexes of open orders, not the user's whole history: a history sync
/// runs one for every order placed, and it used to read every order the user ever placed (SQLite's plan: the index on
/// UserId alone, or a scan of the table). Checked with SQLite's own query plan on the migrated database.
/// </summary>
public sealed partial class OpenOrderIndexTests
{
    [Fact]
    public async Task AUsersOpenOrdersAreReadThroughTheOpenOrderIndex()
    {
        using var factory = new ApiFactory();
        await using var db = await ContextAsync(factory);

        var plan = await PlanAsync(db, OrderStore.OpenAtAccount(db, "u", "account", AlpacaEnvironment.Paper).ToQueryString());

        Assert.Contains("USING INDEX IX_Orders_Open_User", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConnectionsWithOpenOrdersAreFoundWithoutScanningEveryOrder()
    {
        using var factory = new ApiFactory();
        await using var db = await ContextAsync(factory);
        var connectionId = Guid.NewGuid();

        var watched = await PlanAsync(db, OrderStore.OpenOnCurrentAccount(db).Select(o => o.ConnectionId).Distinct().ToQueryString());
        var open = await PlanAsync(db, OrderStore.OpenOnCurrentAccount(db).Where(o => o.ConnectionId == connectionId).Select(o => o.Id).ToQueryString());

        Assert.Contains("IX_Orders_Open_Connection", watched, StringComparison.Ordinal);
        Assert.DoesNotMatch(ScanOfOrders(), watched);
        Assert.Contains("IX_Orders_Open_Connection", open, StringComparison.Ordinal);
        Assert.DoesNotMatch(ScanOfOrders(), open);
    }

    private static async Task<AppDbContext> ContextAsync(ApiFactory factory)
    {
        factory.CreateClient().Dispose();
        return await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>SQLite's plan for <paramref name="sql"/> (EF's text, its parameter declarations dropped and its parameters left unbound as NULL).</summary>
    private static async Task<string> PlanAsync(AppDbContext db, string sql)
    {
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        statement = Parameter().Replace(statement, "NULL");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    /// <summary>A full scan of the orders table (aliased <c>o</c>), not of one of its indexes.</summary>
    [GeneratedRegex(@"SCAN o(?! USING)(\s|$|\|)")]
    private static partial Regex ScanOfOrders();
}
