using AlpacaConnect.Gql.Persistence;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// One page of a user's order history, newest first. Keyset pagination on (created at, id): a page starts strictly
/// after the previous page's last order, so orders arriving meanwhile (always newer) neither repeat nor hide any.
/// </summary>
internal sealed class OrderList(IDbContextFactory<AppDbContext> databases)
{
    public async Task<Connection<Order>> PageAsync(string userId, OrderListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var matching = Filter(db.Set<Order>().AsNoTracking().Where(o => o.UserId == userId), query);
        var total = await matching.CountAsync(cancellationToken);

        var page = matching;
        if (query.After is { } after)
        {
            page = page.Where(o => o.CreatedAt < after.CreatedAt || (o.CreatedAt == after.CreatedAt && o.Id.CompareTo(after.Id) < 0));
        }

        // One more than asked tells whether another page follows.
        var orders = await page.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(query.First + 1)
            .ToListAsync(cancellationToken);
        var edges = orders.Take(query.First)
            .Select(o => new Edge<Order> { Node = o, Cursor = OrderCursor.Of(o).Encode(userId) })
            .ToList();
        return new Connection<Order>
        {
            Edges = edges,
            TotalCount = total,
            PageInfo = new PageInfo
            {
                HasNextPage = orders.Count > query.First,
                // Allowed by the Relay spec when paging forward; finding out would cost another query.
                HasPreviousPage = false,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    private static IQueryable<Order> Filter(IQueryable<Order> orders, OrderListQuery query)
    {
        orders = query.Status switch
        {
            OrderStatusFilter.Open => orders.Where(o => !OrderStatuses.Terminal.Contains(o.Status)),
            OrderStatusFilter.Closed => orders.Where(o => OrderStatuses.Terminal.Contains(o.Status)),
            _ => orders,
        };

        if (query.Symbols is { } symbols)
        {
            orders = orders.Where(o => symbols.Contains(o.Symbol));
        }

        if (query.Side is { } side)
        {
            orders = orders.Where(o => o.Side == side);
        }

        // An order Alpaca never confirmed has no submission time; the time it was saved stands in.
        if (query.SubmittedAfter is { } submittedAfter)
        {
            orders = orders.Where(o => (o.SubmittedAt ?? o.CreatedAt) > submittedAfter);
        }

        if (query.SubmittedBefore is { } submittedBefore)
        {
            orders = orders.Where(o => (o.SubmittedAt ?? o.CreatedAt) < submittedBefore);
        }

        return orders;
    }
}
