using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Events;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders.Pipeline;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Streaming;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// Reads and writes the order history. Every write is saved before the caller moves on, every recorded event is
/// published (<see cref="OrderChanged"/>) once it is saved, and an order's reservation of the daily usage is given back
/// in the same transaction that makes it stop counting (refused by Alpaca, expired unsent, withdrawn).
/// </summary>
internal sealed partial class OrderStore(
    IDbContextFactory<AppDbContext> databases, IEventBus events, IStreamDemand streams, TimeProvider time, IEnumerable<IOrderEventEnlistment> enlisted)
{
    /// <summary>How often a write starts over after another writer saved the same order first.</summary>
    private const int MaxWriteAttempts = 8;

    /// <summary>
    /// Saves a new intent and takes its reservation in one transaction; false (nothing saved) when the reservation no
    /// longer fits under the caps.
    /// </summary>
    public async Task<bool> InsertReservedAsync(Order order, int maxCount, long maxNotionalMicros, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await UsageLedger.TryReserveAsync(db, order.UserId, ReservationOf(order), maxCount, maxNotionalMicros, cancellationToken))
        {
            return false;
        }

        db.Add(order);
        db.Add(Event(order, OrderEventKind.PendingSubmit, "saved"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The account's stream opens while the order is being sent, so its first events are not missed.
        streams.Watch(order.ConnectionId);
        return true;
    }

    /// <summary>Copies what Alpaca reports onto the row, unless the row already holds something newer; returns the row.</summary>
    public async Task<Order> ApplyAsync(Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, source, TakeReport(reported, kind: null), cancellationToken)).Order;

    /// <summary>
    /// Like <see cref="ApplyAsync"/> for a report that may be late or repeated (a list read by a sync): a terminal order is
    /// never reopened, an older report never overwrites a newer one, and a report that changes nothing writes nothing.
    /// True when an event was recorded.
    /// </summary>
    public async Task<bool> ReconcileAsync(Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, source, TakeReport(reported, kind: null), cancellationToken)).Recorded;

    /// <summary>
    /// A trade update for the connection's order on <paramref name="accountId"/> that Alpaca knows by this id or client
    /// order id, applied like <see cref="ReconcileAsync"/> with the row found and written in one context. Null when no
    /// such order was placed here (or it is not linked yet: a closing order learns its ids from the DELETE's answer);
    /// else whether an event was recorded.
    /// </summary>
    public async Task<bool?> ReconcileReportedAsync(
        Guid connectionId, string? accountId, AlpacaOrder reported, OrderEventKind? kind, TradeExecution? execution,
        CancellationToken cancellationToken) =>
        (await UpdateAsync(
            (db, ct) => Reported(db.Set<Order>(), connectionId, accountId, reported).FirstOrDefaultAsync(ct), "stream",
            TakeReport(reported, kind), cancellationToken, execution))?.Recorded;

    /// <summary>A closing order as Alpaca answered with it: its client order id, side and quantity are Alpaca's.</summary>
    public async Task<Order> ApplyClosingAsync(Guid orderId, AlpacaOrder reported, string source, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, source, order =>
        {
            if (!Copy(reported, order))
            {
                return null;
            }

            order.ClientOrderId = reported.ClientOrderId;
            order.Side = reported.Side == AlpacaOrderSide.Buy ? Trading.OrderSide.Buy : Trading.OrderSide.Sell;
            order.Qty = reported.Qty ?? order.Qty;
            return OrderEventKinds.Of(order.Status);
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

    /// <summary>
    /// An intent Alpaca never confirmed within the expiry window: EXPIRED, its reservation given back, never sent
    /// again. Inferred, so a later report from Alpaca for it still sets its status (<see cref="Copy"/>).
    /// </summary>
    public async Task<Order> MarkIntentExpiredAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await UpdateAsync(orderId, "expired", order =>
        {
            if (order.AlpacaOrderId is not null || order.Status is not (OrderStatus.PendingSubmit or OrderStatus.Unknown))
            {
                return null;
            }

            order.Status = OrderStatus.Expired;
            order.RejectionCode = ErrorCodes.OrderIntentExpired;
            order.RejectionMessage = "Alpaca never confirmed this order within the time an unsent order is kept; it was not placed and will not be sent.";
            return OrderEventKind.Expired;
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

    /// <summary>
    /// For an attempt Alpaca certainly never received (refused before sending, 429, 401): the row goes, its reservation
    /// is given back, and the key is free again.
    /// </summary>
    public async Task DeleteAsync(Order order, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<Order>().Where(o => o.Id == order.Id).ExecuteDeleteAsync(cancellationToken) == 1)
        {
            await UsageLedger.AdjustAsync(db, order.UserId, ReservationOf(order), -1, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Reservation ReservationOf(Order order) => new(order.UsageDay, order.ReservedCount, order.ReservedNotionalMicros);

    /// <summary>Whether the order holds its reservation: all but those Alpaca refused and intents that expired unsent.</summary>
    private static bool HoldsReservation(Order order) => order.Status != OrderStatus.Rejected && !OrderSettlement.IsExpiredIntent(order);

    /// <summary>
    /// The change a report from Alpaca makes: the event is the stream's <paramref name="kind"/>, or the one the new status
    /// implies; a stale report records only a notice the stream sent with it.
    /// </summary>
    private static Func<Order, OrderEventKind?> TakeReport(AlpacaOrder reported, OrderEventKind? kind) =>
        order => Copy(reported, order) ? kind ?? OrderEventKinds.Of(order.Status) : kind;

    /// <summary>
    /// Applies <paramref name="change"/> (which returns the event to record, or null) to a fresh copy of the row and
    /// saves it with its event, and with the usage it gives back or takes again. Another writer saving first makes this
    /// one start over on the new row.
    /// </summary>
    private async Task<(Order Order, bool Recorded)> UpdateAsync(
        Guid orderId, string source, Func<Order, OrderEventKind?> change, CancellationToken cancellationToken, TradeExecution? execution = null) =>
        (await UpdateAsync(
            (db, ct) => db.Set<Order>().SingleAsync(o => o.Id == orderId, ct)!, source, change, cancellationToken, execution))!.Value;

    /// <summary><see cref="UpdateAsync(Guid, string, Func{Order, OrderEventKind?}, CancellationToken, TradeExecution?)"/> on the row <paramref name="locate"/> finds; null when it finds none.</summary>
    private async Task<(Order Order, bool Recorded)?> UpdateAsync(
        Func<AppDbContext, CancellationToken, Task<Order?>> locate, string source, Func<Order, OrderEventKind?> change,
        CancellationToken cancellationToken, TradeExecution? execution = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (await locate(db, cancellationToken) is not { } order)
            {
                return null;
            }

            var before = (order.Status, order.FilledQty, order.FilledAvgPrice);
            var held = HoldsReservation(order);
            var kind = change(order);
            OrderEvent? recorded = null;
            if (kind is { } k && (before != (order.Status, order.FilledQty, order.FilledAvgPrice) || OrderEventKinds.IsNotice(k)))
            {
                recorded = Event(order, k, source, execution);
                db.Add(recorded);
            }

            if (!db.ChangeTracker.HasChanges())
            {
                return (order, false);
            }

            order.UpdatedAt = time.GetUtcNow();
            order.Version++;
            var usage = HoldsReservation(order) == held ? 0 : held ? -1 : 1;
            try
            {
                if (usage == 0 && recorded is null)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                else
                {
                    // The row, its event's place in the user's log and the usage it gives back (or, for an expired
                    // intent Alpaca turns out to hold, takes back unconditionally: what Alpaca reports is real) change
                    // together.
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    if (recorded is not null)
                    {
                        recorded.Sequence = await UserEventSequence.NextAsync(db, order.UserId, cancellationToken);
                        foreach (var enlistment in enlisted)
                        {
                            await enlistment.EnlistAsync(db, order, recorded, cancellationToken);
                        }
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    if (usage != 0)
                    {
                        await UsageLedger.AdjustAsync(db, order.UserId, ReservationOf(order), usage, cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                }
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

    private OrderEvent Event(Order order, OrderEventKind kind, string source, TradeExecution? execution = null) => new()
    {
        Execution = execution,
        OrderId = order.Id,
        UserId = order.UserId,
        Kind = kind,
        Status = order.Status,
        FilledQty = order.FilledQty,
        FilledAvgPrice = order.FilledAvgPrice,
        Source = source,
        OccurredAt = time.GetUtcNow(),
    };
}
