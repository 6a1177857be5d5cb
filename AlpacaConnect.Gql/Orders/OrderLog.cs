using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Each user's order events as a durable, ordered log (<see cref="UserEventSequence"/>): what <c>orderUpdated</c>
/// follows and <c>orderEvents</c> pages through. A position in it is an <see cref="OrderEvent"/> id the client was
/// given (<c>OrderUpdate.id</c>); the log is ordered by the user's sequence.
/// </summary>
internal sealed class OrderLog(IDbContextFactory<AppDbContext> databases, IEventBus events, TimeProvider time)
{
    /// <summary>How many events one read takes; a longer backlog is read page after page.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// How long a subscriber goes without reading the log when no bus message wakes it: the longest a lost message
    /// (a failed Redis publish) delays an update. One indexed read per subscriber per interval.
    /// </summary>
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(30);

    /// <summary>The sequence of the user's event <paramref name="eventId"/>, or null when the user has no such logged event.</summary>
    public async Task<long?> SequenceOfAsync(string userId, long eventId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrderEvent>().AsNoTracking()
            .Where(e => e.Id == eventId && e.UserId == userId)
            .Select(e => e.Sequence)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The user's last sequence given so far (0 before the first event).</summary>
    public async Task<long> LastAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserEventSequence>().AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => s.Last)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> of the user's events after <paramref name="after"/> (of one order when given),
    /// in sequence order, each with its order as that event left it.
    /// </summary>
    public async Task<IReadOnlyList<OrderUpdate>> AfterAsync(string userId, long after, Guid? orderId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var logged = db.Set<OrderEvent>().AsNoTracking().Where(e => e.UserId == userId && e.Sequence > after);
        if (orderId is { } id)
        {
            logged = logged.Where(e => e.OrderId == id);
        }

        // No tracking and no identity resolution: each row gets its own Order, so each can be set to its event's state.
        var rows = await (
                from e in logged
                join o in db.Set<Order>().AsNoTracking() on e.OrderId equals o.Id
                orderby e.Sequence
                select new { Event = e, Order = o })
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => AsLeftBy(r.Event, r.Order))];
    }

    /// <summary>
    /// The user's events after <paramref name="after"/> (null: from now on), then each new one as it is logged, in
    /// sequence order and none twice; a bus message only wakes the reader.
    /// </summary>
    public IObservable<OrderUpdate> Follow(string userId, long? after, Guid? orderId) =>
        new LogFollower<OrderChanged, OrderUpdate>(
            events.Events<OrderChanged>(),
            e => e.UserId == userId && (orderId is null || e.OrderId == orderId),
            () => new Cursor(this, userId, after, orderId),
            time,
            ResyncInterval);

    private static OrderUpdate AsLeftBy(OrderEvent recorded, Order order)
    {
        // The row may have moved on since; the update shows the order as this event left it.
        order.Status = recorded.Status;
        order.FilledQty = recorded.FilledQty;
        order.FilledAvgPrice = recorded.FilledAvgPrice;
        return new OrderUpdate(recorded, order);
    }

    private sealed class Cursor(OrderLog log, string userId, long? after, Guid? orderId) : ILogCursor<OrderUpdate>
    {
        private long? _position = after;

        public async Task<LogPage<OrderUpdate>> ReadNextAsync(CancellationToken cancellationToken)
        {
            if (_position is not { } position)
            {
                // Live only: start after what is logged now (the follower listens already, so nothing later is missed).
                _position = await log.LastAsync(userId, cancellationToken);
                return new LogPage<OrderUpdate>([], More: false);
            }

            var page = await log.AfterAsync(userId, position, orderId, PageSize, cancellationToken);
            if (page.Count > 0)
            {
                _position = page[^1].Event.Sequence;
            }

            return new LogPage<OrderUpdate>(page, More: page.Count == PageSize);
        }
    }
}
