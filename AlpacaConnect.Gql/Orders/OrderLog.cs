using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Each user's order events as a durable, ordered log (<see cref="UserEventSequence"/>): what <c>orderUpdated</c>
/// follows and <c>orderEvents</c> pages through. A position in it is an <see cref="OrderEvent"/> id the client was
/// given (<c>OrderUpdate.id</c>); the log is ordered by the user's sequence.
/// </summary>
internal sealed class OrderLog : ISequencedLog<string, OrderUpdate>, IDisposable
{
    private readonly IDbContextFactory<AppDbContext> _databases;
    private readonly LogFanOut<string, OrderChanged, OrderUpdate> _fanOut;
    private readonly AppMetrics _metrics;

    public OrderLog(IDbContextFactory<AppDbContext> databases, IEventBus events, AppMetrics metrics, TimeProvider time, ILogger<OrderLog> logger)
    {
        _databases = databases;
        _metrics = metrics;
        _fanOut = new(events.Events<OrderChanged>(), e => e.UserId, this, time, ResyncInterval, logger);
    }

    /// <summary>How many events one read takes; a longer backlog is read page after page.</summary>
    public const int PageSize = 100;

    int ISequencedLog<string, OrderUpdate>.PageSize => PageSize;

    /// <summary>
    /// How long a user's tail goes without reading the log when no bus message wakes it: the longest a lost message
    /// (a failed Redis publish) delays an update. One indexed read per subscribed user and instance per interval.
    /// </summary>
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(30);

    /// <summary>The sequence of the user's event <paramref name="eventId"/>, or null when the user has no such logged event.</summary>
    public async Task<long?> SequenceOfAsync(string userId, long eventId, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<OrderEvent>().AsNoTracking()
            .Where(e => e.Id == eventId && e.UserId == userId)
            .Select(e => e.Sequence)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The user's last sequence given so far (0 before the first event).</summary>
    public async Task<long> LastAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserEventSequence>().AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => s.Last)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> of the user's events after <paramref name="after"/> (of one order when given),
    /// in sequence order, each with its order as that event left it.
    /// </summary>
    public Task<IReadOnlyList<OrderUpdate>> AfterAsync(string userId, long after, Guid? orderId, int limit, CancellationToken cancellationToken)
    {
        _metrics.EventLogRead("page");
        return ReadAsync(userId, after, orderId, limit, cancellationToken);
    }

    private async Task<IReadOnlyList<OrderUpdate>> ReadAsync(string userId, long after, Guid? orderId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
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
    /// sequence order and none twice. However many subscribers a user has here, each event is read once and the same
    /// <see cref="OrderUpdate"/> goes to all of them (which lets the engine share its result, see
    /// <c>SharedSubscriptionResults</c>).
    /// </summary>
    public IObservable<OrderUpdate> Follow(string userId, long? after, Guid? orderId) =>
        _fanOut.Follow(userId, after, orderId is { } id ? u => u.Order.Id == id : static _ => true);

    public void Dispose() => _fanOut.Dispose();

    Task<IReadOnlyList<OrderUpdate>> ISequencedLog<string, OrderUpdate>.AfterAsync(string key, long after, bool catchingUp, CancellationToken cancellationToken)
    {
        _metrics.EventLogRead(catchingUp ? "catch_up" : "tail");
        return ReadAsync(key, after, orderId: null, PageSize, cancellationToken);
    }

    long ISequencedLog<string, OrderUpdate>.SequenceOf(OrderUpdate item) => item.Event.Sequence!.Value;

    private static OrderUpdate AsLeftBy(OrderEvent recorded, Order order)
    {
        // The row may have moved on since; the update shows the order as this event left it.
        order.Status = recorded.Status;
        order.FilledQty = recorded.FilledQty;
        order.FilledAvgPrice = recorded.FilledAvgPrice;
        return new OrderUpdate(recorded, order);
    }
}
