using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Orders.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The order history's reads. An order is only ever matched against the Alpaca account it was sent to.</summary>
internal sealed partial class OrderStore
{
    public async Task<Order?> FindByKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.UserId == userId && o.IdempotencyKey == idempotencyKey, cancellationToken);
    }

    /// <summary>The user's order with this id, or null: another user's id reads exactly like a missing one.</summary>
    public async Task<Order?> FindAsync(string userId, Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, cancellationToken);
    }

    /// <summary>What the user has reserved against the daily limits on <paramref name="day"/>.</summary>
    public async Task<(int Count, long NotionalMicros)> UsageAsync(string userId, string day, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await UsageLedger.ReadAsync(db, userId, day, cancellationToken);
    }

    /// <summary>
    /// The user's orders on <paramref name="accountId"/> that may still change at Alpaca (not terminal), oldest first:
    /// what a history sync looks for. Orders of an account the user switched away from are never among them.
    /// </summary>
    public async Task<IReadOnlyList<Order>> ListOpenAsync(string userId, string? accountId, AlpacaEnvironment environment, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Sorted here, not in SQL: an ORDER BY CreatedAt leads SQLite to the (UserId, CreatedAt) index and through every
        // order the user ever placed; the open ones are a handful.
        var open = await OpenAtAccount(db, userId, accountId, environment).ToListAsync(cancellationToken);
        return [.. open.OrderBy(o => o.CreatedAt)];
    }

    /// <summary>The user's open orders on the account (read through the partial index <c>IX_Orders_Open_User</c>).</summary>
    internal static IQueryable<Order> OpenAtAccount(Persistence.AppDbContext db, string userId, string? accountId, AlpacaEnvironment environment) =>
        db.Set<Order>().AsNoTracking()
            .Where(o => o.UserId == userId && o.AlpacaAccountId == accountId && o.Environment == environment)
            .Where(o => !OrderStatuses.Terminal.Contains(o.Status));

    /// <summary>
    /// Our rows of these orders of the account (found by Alpaca's id, or by client order id for one not linked yet), in
    /// one query, keyed by Alpaca's order id; an order placed elsewhere has none.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Order>> FindAtAccountAsync(
        string userId, string? accountId, AlpacaEnvironment environment, IReadOnlyList<(Guid AlpacaOrderId, string? ClientOrderId)> orders,
        CancellationToken cancellationToken)
    {
        var alpacaIds = orders.Select(o => (Guid?)o.AlpacaOrderId).ToList();
        var clientIds = orders.Where(o => o.ClientOrderId is not null).Select(o => o.ClientOrderId!).ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<Order>().AsNoTracking()
            .Where(o => o.UserId == userId && o.AlpacaAccountId == accountId && o.Environment == environment)
            .Where(o => alpacaIds.Contains(o.AlpacaOrderId) || clientIds.Contains(o.ClientOrderId))
            .ToListAsync(cancellationToken);
        var found = new Dictionary<Guid, Order>();
        foreach (var (alpacaId, clientId) in orders)
        {
            if ((rows.FirstOrDefault(o => o.AlpacaOrderId == alpacaId) ?? rows.FirstOrDefault(o => clientId is not null && o.ClientOrderId == clientId)) is { } row)
            {
                found[alpacaId] = row;
            }
        }

        return found;
    }

    /// <summary>The connections holding open orders on the account they point at now: the accounts whose stream must be watched.</summary>
    public async Task<IReadOnlyList<Guid>> ConnectionsWithOpenOrdersAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await OpenOnCurrentAccount(db)
            .Select(o => o.ConnectionId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> HasOpenOrdersAsync(Guid connectionId, CancellationToken cancellationToken, bool unlinkedOnly = false)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await OpenOnCurrentAccount(db).AnyAsync(
            o => o.ConnectionId == connectionId && (!unlinkedOnly || o.AlpacaOrderId == null), cancellationToken);
    }

    /// <summary>
    /// The connection's order on <paramref name="accountId"/> that Alpaca knows by this id or client order id, or null
    /// for an order not placed here (or not yet linked: a closing order learns its ids from the answer to the DELETE).
    /// </summary>
    public async Task<Order?> FindReportedAsync(Guid connectionId, string? accountId, AlpacaOrder reported, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await Reported(db.Set<Order>().AsNoTracking(), connectionId, accountId, reported).FirstOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<Order> Reported(IQueryable<Order> orders, Guid connectionId, string? accountId, AlpacaOrder reported) =>
        orders
            .Where(o => o.ConnectionId == connectionId && o.AlpacaAccountId == accountId)
            .Where(o => o.AlpacaOrderId == reported.Id || o.ClientOrderId == reported.ClientOrderId);

    internal static IQueryable<Order> OpenOnCurrentAccount(Persistence.AppDbContext db) =>
        from o in db.Set<Order>().AsNoTracking()
        join c in db.Set<AlpacaConnection>().AsNoTracking() on o.ConnectionId equals c.Id
        where !OrderStatuses.Terminal.Contains(o.Status) && o.AlpacaAccountId == c.AccountId && o.Environment == c.Environment
        select o;
}
