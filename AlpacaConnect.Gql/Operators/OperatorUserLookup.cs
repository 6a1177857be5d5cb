using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Rollout;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Operators;

/// <summary>A user's connection, rollout membership, pauses in force and latest orders with their events, from our database only.</summary>
internal sealed class OperatorUserLookup(
    IDbContextFactory<AppDbContext> databases, TradingHalts halts, RolloutGate rollout, IOptions<OperatorOptions> options)
{
    public async Task<OperatorUserView> LookUpAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<AlpacaConnection>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        var orders = await db.Set<Order>().AsNoTracking()
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt)
            .Take(options.Value.RecentOrders)
            .ToListAsync(cancellationToken);
        var ids = orders.Select(o => o.Id).ToList();
        var events = (await db.Set<OrderEvent>().AsNoTracking().Where(e => ids.Contains(e.OrderId)).ToListAsync(cancellationToken))
            .OrderBy(e => e.Id)
            .ToLookup(e => e.OrderId);
        var inForce = (await halts.ListAsync(cancellationToken))
            .Where(h => h.Scope == HaltScope.All
                || (h.Scope == HaltScope.User && h.Target == userId)
                || (h.Scope == HaltScope.Account && h.Target == connection?.AccountId))
            .Select(HaltView.From)
            .ToList();
        return new OperatorUserView(
            userId,
            rollout.Admits(userId),
            inForce,
            connection is null ? null : OperatorConnectionView.From(connection),
            orders.Select(o => OperatorOrderView.From(o, events[o.Id].Select(OperatorOrderEventView.From).ToList())).ToList());
    }
}
