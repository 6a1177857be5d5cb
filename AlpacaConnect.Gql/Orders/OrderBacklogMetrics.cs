using System.Diagnostics.Metrics;
using AlpacaConnect.Gql.Observability;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// What the order history says is waiting, read from the database at each scrape: the accounts holding open orders
/// (whose trade_updates stream must be up) and the orders whose outcome we do not know yet (saved but unconfirmed,
/// or unknown after a lost answer). The database is shared, so every instance reports the same figures: alert rules
/// take their <c>max</c>, never their sum. A hosted service only so the gauges exist from the start.
/// </summary>
internal sealed class OrderBacklogMetrics : IHostedService
{
    private static readonly OrderStatus[] Unsettled = [OrderStatus.PendingSubmit, OrderStatus.Unknown];

    private readonly IDbContextFactory<AppDbContext> _databases;
    private readonly TimeProvider _time;

    public OrderBacklogMetrics(IMeterFactory meters, IDbContextFactory<AppDbContext> databases, TimeProvider time)
    {
        _databases = databases;
        _time = time;
        var meter = meters.Create(AppMetrics.MeterName);
        meter.CreateObservableGauge("alpaca_connect.orders.open_accounts", CountAccountsWithOpenOrders, "{account}",
            "Accounts holding open orders: each needs its trade_updates stream.");
        meter.CreateObservableGauge("alpaca_connect.orders.unsettled", () => ReadUnsettled().Count, "{order}",
            "Orders saved but not confirmed by Alpaca (PENDING_SUBMIT) or whose outcome is unknown (UNKNOWN).");
        meter.CreateObservableGauge("alpaca_connect.orders.unsettled.oldest_age", OldestUnsettledAge, "s",
            "Age of the oldest unsettled order (0 when there is none): an order stuck past the reconciliation window.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private int CountAccountsWithOpenOrders()
    {
        using var db = _databases.CreateDbContext();
        return OrderStore.OpenOnCurrentAccount(db).Select(o => o.ConnectionId).Distinct().Count();
    }

    private double OldestUnsettledAge()
    {
        var unsettled = ReadUnsettled();
        return unsettled.Count == 0 ? 0 : Math.Max(0, (_time.GetUtcNow() - unsettled.Min()).TotalSeconds);
    }

    // Times are compared here, not in SQL: SQLite cannot order DateTimeOffset values, and the set is small.
    private List<DateTimeOffset> ReadUnsettled()
    {
        using var db = _databases.CreateDbContext();
        return [.. db.Set<Order>().AsNoTracking().Where(o => Unsettled.Contains(o.Status)).Select(o => o.CreatedAt)];
    }
}
