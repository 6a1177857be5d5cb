using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Streaming;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Reads and writes the order history. Every write is saved before the caller moves on, and every recorded event is
/// published (<see cref="OrderChanged"/>) once it is saved.
/// </summary>
internal sealed class OrderStore(IDbContextFactory<AppDbContext> databases, IEventBus events, IStreamDemand streams, TimeProvider time)
{
    /// <summary>How often a write starts over after another writer saved the same order first.</summary>
    private const int MaxWriteAttempts = 8;

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

    /// <summary>
    /// Orders counted against today's limits (since <paramref name="since"/>): all but those Alpaca refused and those
    /// a replacement took the place of (<paramref name="superseded"/> is one about to be), so a replaced order and its
    /// replacement count once.
    /// </summary>
    public async Task<(int Count, decimal Notional)> TodayAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken, Guid? superseded = null)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // SQLite cannot sum decimals in SQL; a day's orders per user are few.
        var values = await db.Set<Order>().AsNoTracking()
            .Where(o => o.UserId == userId && o.CreatedAt >= since && o.Status != OrderStatus.Rejected)
            .Where(o => o.ReplacedBy == null && o.Id != superseded)
            .Select(o => o.EstimatedNotional)
            .ToListAsync(cancellationToken);
        return (values.Count, DecimalScale.Trim(values.Sum()));
    }

    public async Task InsertAsync(Order order, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(order);
        db.Add(Event(order, OrderEventKind.PendingSubmit, "saved"));
        await db.SaveChangesAsync(cancellationToken);
        // The account's stream opens while the order is being sent, so its first events are not missed.
        streams.Watch(order.ConnectionId);
    }

    /// <summary>Copies what Alpaca reports onto the row, unless the row already holds something newer; returns the row.</summary>
    public async Task<Order> ApplyAsync(Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken) =>
        (await ApplyReportAsync(orderId, reported, source, kind: null, cancellationToken)).Order;

    /// <summary>
    /// The user's orders that may still change at Alpaca (not terminal), oldest first: what a history sync looks for.
    /// </summary>
    public async Task<IReadOnlyList<Order>> ListOpenAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking()
            .Where(o => o.UserId == userId && !OrderStatuses.Terminal.Contains(o.Status))
            .OrderBy(o => o.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The connections holding orders that may still change at Alpaca: the accounts whose stream must be watched.</summary>
    public async Task<IReadOnlyList<Guid>> ConnectionsWithOpenOrdersAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking()
            .Where(o => !OrderStatuses.Terminal.Contains(o.Status))
            .Select(o => o.ConnectionId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> HasOpenOrdersAsync(Guid connectionId, CancellationToken cancellationToken, bool unlinkedOnly = false)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AnyAsync(
            o => o.ConnectionId == connectionId && !OrderStatuses.Terminal.Contains(o.Status) && (!unlinkedOnly || o.AlpacaOrderId == null),
            cancellationToken);
    }

    /// <summary>
    /// The connection's order Alpaca knows by this id or client order id, or null for an order not placed here (or not
    /// yet linked: a closing order learns its ids from the answer to the DELETE).
    /// </summary>
    public async Task<Order?> FindReportedAsync(Guid connectionId, AlpacaOrder reported, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking()
            .Where(o => o.ConnectionId == connectionId && (o.AlpacaOrderId == reported.Id || o.ClientOrderId == reported.ClientOrderId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Like <see cref="ApplyAsync"/> for a report that may be late or repeated (a list read by a sync, a stream event):
    /// a terminal order is never reopened, an older report never overwrites a newer one, and a report that changes
    /// nothing writes nothing. <paramref name="kind"/> is the stream's event name, when it came from the stream. True
    /// when an event was recorded.
    /// </summary>
    public async Task<bool> ReconcileAsync(
        Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken, OrderEventKind? kind = null) =>
        (await ApplyReportAsync(orderId, reported, source, kind, cancellationToken)).Recorded;

    /// <summary>A closing order as Alpaca answered with it: its client order id, side and quantity are Alpaca's.</summary>
    public async Task<Order> ApplyClosingAsync(Guid orderId, AlpacaOrder reported, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, "closed", order =>
        {
            order.ClientOrderId = reported.ClientOrderId;
            order.Side = reported.Side == AlpacaOrderSide.Buy ? Trading.OrderSide.Buy : Trading.OrderSide.Sell;
            order.Qty = reported.Qty ?? order.Qty;
            return Copy(reported, order) ? OrderEventKinds.Of(order.Status) : null;
        }, cancellationToken)).Order;

    public async Task<Order> MarkRejectedAsync(Guid orderId, string code, int? upstreamCode, string message, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, "rejected", order =>
        {
            if (OrderStatuses.IsTerminal(order.Status))
            {
                return null;
            }

            order.Status = OrderStatus.Rejected;
            order.RejectionCode = code;
            order.RejectionUpstreamCode = upstreamCode;
            order.RejectionMessage = message.Length > 512 ? message[..512] : message;
            return OrderEventKind.Rejected;
        }, cancellationToken)).Order;

    /// <summary>Links an order to the replacement Alpaca accepted for it; its status stays what Alpaca last reported.</summary>
    public async Task<Order> MarkReplacedByAsync(Guid orderId, Guid replacementId, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, "replace", order =>
        {
            order.ReplacedBy = replacementId;
            return null;
        }, cancellationToken)).Order;

    /// <summary>
    /// Sets a status only we can infer (PENDING_CANCEL after a 204, UNKNOWN after an ambiguous submission), unless a
    /// report already moved the order on: a terminal order keeps its status, and only an unconfirmed one becomes UNKNOWN.
    /// </summary>
    public async Task<Order> MarkAsync(Guid orderId, OrderStatus status, string source, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, source, order =>
        {
            var allowed = status == OrderStatus.Unknown
                ? order.Status is OrderStatus.PendingSubmit or OrderStatus.Unknown
                : !OrderStatuses.IsTerminal(order.Status);
            if (!allowed || order.Status == status)
            {
                return null;
            }

            order.Status = status;
            return OrderEventKinds.Of(status);
        }, cancellationToken)).Order;

    /// <summary>For an attempt Alpaca certainly never received (refused before sending, 429, 401): the key is free again.</summary>
    public async Task DeleteAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<Order>().Where(o => o.Id == orderId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// A report from Alpaca: the event is the stream's <paramref name="kind"/>, or the one the new status implies; a stale
    /// report records only a notice the stream sent with it.
    /// </summary>
    private Task<(Order Order, bool Recorded)> ApplyReportAsync(
        Guid orderId, AlpacaOrder reported, string source, OrderEventKind? kind, CancellationToken cancellationToken) =>
        UpdateAsync(orderId, source, order => Copy(reported, order) ? kind ?? OrderEventKinds.Of(order.Status) : kind, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> (which returns the event to record, or null) to a fresh copy of the row and
    /// saves it with its event. Another writer saving first makes this one start over on the new row.
    /// </summary>
    private async Task<(Order Order, bool Recorded)> UpdateAsync(
        Guid orderId, string source, Func<Order, OrderEventKind?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var order = await db.Set<Order>().SingleAsync(o => o.Id == orderId, cancellationToken);
            var before = (order.Status, order.FilledQty, order.FilledAvgPrice);
            var kind = change(order);
            OrderEvent? recorded = null;
            if (kind is { } k && (before != (order.Status, order.FilledQty, order.FilledAvgPrice) || OrderEventKinds.IsNotice(k)))
            {
                recorded = Event(order, k, source);
                db.Add(recorded);
            }

            if (!db.ChangeTracker.HasChanges())
            {
                return (order, false);
            }

            order.UpdatedAt = time.GetUtcNow();
            order.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxWriteAttempts)
            {
                continue;
            }

            if (recorded is not null)
            {
                events.Publish(new OrderChanged(order.UserId, order.Id, recorded.Id));
            }

            return (order, recorded is not null);
        }
    }

    private static OrderStatus StatusOf(AlpacaOrder reported) =>
        Enum.TryParse<OrderStatus>(reported.Status.ToString(), out var status) ? status : OrderStatus.Unknown;

    /// <summary>
    /// Copies a report onto the row unless the row knows better: a terminal status is final, fills never shrink, and a
    /// report Alpaca stamped earlier than the one applied last is stale. True when the report was taken.
    /// </summary>
    private static bool Copy(AlpacaOrder reported, Order order)
    {
        var stale = OrderStatuses.IsTerminal(order.Status)
            || reported.FilledQty < order.FilledQty
            || (reported.UpdatedAt is { } stamped && order.AlpacaUpdatedAt is { } applied && stamped < applied);
        if (stale)
        {
            return false;
        }

        order.AlpacaOrderId = reported.Id;
        order.Status = StatusOf(reported);
        order.FilledQty = reported.FilledQty;
        order.FilledAvgPrice = reported.FilledAvgPrice;
        order.SubmittedAt = reported.SubmittedAt ?? order.SubmittedAt ?? reported.CreatedAt;
        order.FilledAt = reported.FilledAt;
        order.CanceledAt = reported.CanceledAt;
        order.AlpacaUpdatedAt = reported.UpdatedAt ?? order.AlpacaUpdatedAt;
        return true;
    }

    private OrderEvent Event(Order order, OrderEventKind kind, string source) => new()
    {
        OrderId = order.Id,
        Kind = kind,
        Status = order.Status,
        FilledQty = order.FilledQty,
        FilledAvgPrice = order.FilledAvgPrice,
        Source = source,
        OccurredAt = time.GetUtcNow(),
    };

    /// <summary>An event with the order's state right after it, or null when the order is not the user's (or gone).</summary>
    public async Task<(Order Order, OrderEvent Event)?> FindEventAsync(string userId, Guid orderId, long eventId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, cancellationToken);
        var recorded = await db.Set<OrderEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId && e.OrderId == orderId, cancellationToken);
        if (order is null || recorded is null)
        {
            return null;
        }

        // The row may have moved on since; the update shows the order as this event left it.
        order.Status = recorded.Status;
        order.FilledQty = recorded.FilledQty;
        order.FilledAvgPrice = recorded.FilledAvgPrice;
        return (order, recorded);
    }
}
