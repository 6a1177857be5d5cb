using AlpacaConnect.Gql.Alpaca.Models;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The legs of bracket, OCO and OTO orders as rows of their parent's user and account (facts-more 8).</summary>
internal sealed partial class OrderStore
{
    /// <summary>
    /// Saves the legs Alpaca reported under <paramref name="parent"/> that have no row yet, and applies the report to
    /// those that have. A leg counts neither as an order nor as value against the daily limits: it only closes what
    /// its entry opened (decision 0038).
    /// </summary>
    public async Task RecordLegsAsync(Order parent, IReadOnlyList<AlpacaOrder> legs, CancellationToken cancellationToken)
    {
        foreach (var leg in legs)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var existing = await db.Set<Order>().AsNoTracking()
                .FirstOrDefaultAsync(o => o.UserId == parent.UserId && o.AlpacaOrderId == leg.Id, cancellationToken);
            if (existing is not null)
            {
                await ReconcileAsync(existing.Id, leg, "legs", cancellationToken);
                continue;
            }

            var now = time.GetUtcNow();
            var row = new Order
            {
                Id = Guid.NewGuid(),
                UserId = parent.UserId,
                ConnectionId = parent.ConnectionId,
                AlpacaAccountId = parent.AlpacaAccountId,
                Environment = parent.Environment,
                Command = parent.Command,
                AssetClass = parent.AssetClass,
                // Alpaca's leg id is unique forever: no app key can be made from it by accident of another order.
                IdempotencyKey = $"leg:{leg.Id:N}",
                RequestFingerprint = "leg",
                ClientOrderId = leg.ClientOrderId,
                Symbol = parent.Symbol,
                Side = leg.Side == AlpacaOrderSide.Buy ? Trading.OrderSide.Buy : Trading.OrderSide.Sell,
                Type = TypeOf(leg.Type),
                TimeInForce = parent.TimeInForce,
                OrderClass = parent.OrderClass,
                Qty = leg.Qty,
                LimitPrice = leg.LimitPrice,
                StopPrice = leg.StopPrice,
                ParentOrderId = parent.Id,
                UsageDay = parent.UsageDay,
                CreatedAt = leg.CreatedAt,
                UpdatedAt = now,
            };
            Copy(leg, row);
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The stream or a sync saved the leg first; its row stands.
            }
        }
    }

    /// <summary>The legs of one order, oldest first (take-profit before stop-loss, as Alpaca lists them).</summary>
    public async Task<IReadOnlyList<Order>> ListLegsAsync(string userId, Guid parentId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking()
            .Where(o => o.UserId == userId && o.ParentOrderId == parentId)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Type)
            .ToListAsync(cancellationToken);
    }

    private static Trading.OrderType TypeOf(AlpacaOrderType type) => type switch
    {
        AlpacaOrderType.Market => Trading.OrderType.Market,
        AlpacaOrderType.Limit => Trading.OrderType.Limit,
        AlpacaOrderType.Stop => Trading.OrderType.Stop,
        AlpacaOrderType.StopLimit => Trading.OrderType.StopLimit,
        _ => Trading.OrderType.TrailingStop,
    };
}
