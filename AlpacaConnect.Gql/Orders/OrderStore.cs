using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>Reads and writes the order history. Every write is saved before the caller moves on.</summary>
internal sealed class OrderStore(IDbContextFactory<AppDbContext> databases, TimeProvider time)
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
        db.Add(Event(order.Id, order.Status, 0, "saved"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Copies what Alpaca reports onto the row and records the transition once.</summary>
    public Task<Order> ApplyAsync(Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken) =>
        UpdateAsync(orderId, source, order => Copy(reported, order), cancellationToken);

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

    /// <summary>
    /// Like <see cref="ApplyAsync"/> for a report that may be older than what we hold (a list read by a sync): a
    /// terminal order is never reopened, and a report that changes nothing writes nothing. True when the row changed.
    /// </summary>
    public async Task<bool> ReconcileAsync(Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Null when the row went meanwhile (an attempt Alpaca never received is deleted): nothing to reconcile.
        var order = await db.Set<Order>().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null
            || OrderStatuses.IsTerminal(order.Status)
            || (order.AlpacaOrderId == reported.Id && order.Status == StatusOf(reported)
                && order.FilledQty == reported.FilledQty && order.FilledAvgPrice == reported.FilledAvgPrice))
        {
            return false;
        }

        Copy(reported, order);
        await SaveWithEventAsync(db, order, source, cancellationToken);
        return true;
    }

    /// <summary>A closing order as Alpaca answered with it: its client order id, side and quantity are Alpaca's.</summary>
    public Task<Order> ApplyClosingAsync(Guid orderId, AlpacaOrder reported, CancellationToken cancellationToken) =>
        UpdateAsync(orderId, "closed", order =>
        {
            order.ClientOrderId = reported.ClientOrderId;
            order.Side = reported.Side == AlpacaOrderSide.Buy ? Trading.OrderSide.Buy : Trading.OrderSide.Sell;
            order.Qty = reported.Qty ?? order.Qty;
            order.AlpacaOrderId = reported.Id;
            order.Status = Enum.TryParse<OrderStatus>(reported.Status.ToString(), out var status) ? status : OrderStatus.Unknown;
            order.FilledQty = reported.FilledQty;
            order.FilledAvgPrice = reported.FilledAvgPrice;
            order.SubmittedAt = reported.SubmittedAt ?? reported.CreatedAt;
            order.FilledAt = reported.FilledAt;
        }, cancellationToken);

    public Task<Order> MarkRejectedAsync(Guid orderId, string code, int? upstreamCode, string message, CancellationToken cancellationToken) =>
        UpdateAsync(orderId, "rejected", order =>
        {
            order.Status = OrderStatus.Rejected;
            order.RejectionCode = code;
            order.RejectionUpstreamCode = upstreamCode;
            order.RejectionMessage = message.Length > 512 ? message[..512] : message;
        }, cancellationToken);

    /// <summary>Links an order to the replacement Alpaca accepted for it; its status stays what Alpaca last reported.</summary>
    public Task<Order> MarkReplacedByAsync(Guid orderId, Guid replacementId, CancellationToken cancellationToken) =>
        UpdateAsync(orderId, "replace", order => order.ReplacedBy = replacementId, cancellationToken);

    public Task<Order> MarkAsync(Guid orderId, OrderStatus status, string source, CancellationToken cancellationToken) =>
        UpdateAsync(orderId, source, order => order.Status = status, cancellationToken);

    /// <summary>For an attempt Alpaca certainly never received (refused before sending, 429, 401): the key is free again.</summary>
    public async Task DeleteAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<Order>().Where(o => o.Id == orderId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<Order> UpdateAsync(Guid orderId, string source, Action<Order> change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var order = await db.Set<Order>().SingleAsync(o => o.Id == orderId, cancellationToken);
        change(order);
        await SaveWithEventAsync(db, order, source, cancellationToken);
        return order;
    }

    private async Task SaveWithEventAsync(AppDbContext db, Order order, string source, CancellationToken cancellationToken)
    {
        order.UpdatedAt = time.GetUtcNow();
        var seen = await db.Set<OrderEvent>().AnyAsync(
            e => e.OrderId == order.Id && e.Status == order.Status && e.FilledQty == order.FilledQty, cancellationToken);
        if (!seen)
        {
            db.Add(Event(order.Id, order.Status, order.FilledQty, source));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static OrderStatus StatusOf(AlpacaOrder reported) =>
        Enum.TryParse<OrderStatus>(reported.Status.ToString(), out var status) ? status : OrderStatus.Unknown;

    private static void Copy(AlpacaOrder reported, Order order)
    {
        order.AlpacaOrderId = reported.Id;
        order.Status = StatusOf(reported);
        order.FilledQty = reported.FilledQty;
        order.FilledAvgPrice = reported.FilledAvgPrice;
        order.SubmittedAt = reported.SubmittedAt ?? order.SubmittedAt ?? reported.CreatedAt;
        order.FilledAt = reported.FilledAt;
        order.CanceledAt = reported.CanceledAt;
    }

    private OrderEvent Event(Guid orderId, OrderStatus status, decimal filledQty, string source) =>
        new() { OrderId = orderId, Status = status, FilledQty = filledQty, Source = source, OccurredAt = time.GetUtcNow() };
}
