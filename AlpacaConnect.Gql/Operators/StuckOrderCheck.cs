using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// "My order is stuck": asks Alpaca, at the account the order was sent to, through the reconciliation the stream
/// supervisor runs (<see cref="OrderHistorySync.ReconcileAsync"/>). It looks up and never sends: Alpaca's report settles
/// the order, and an intent Alpaca does not hold expires only once it is past <c>Orders:IntentExpiry</c>, as it would by
/// itself (decisions 0015, 0024).
/// </summary>
internal sealed class StuckOrderCheck(IDbContextFactory<AppDbContext> databases, ConnectionDirectory connections, OrderHistorySync sync)
{
    public async Task<OperatorActionResult<OperatorOrderView>> SettleAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (await FindAsync(orderId, cancellationToken) is not { } order)
        {
            return new("not-found", null);
        }

        if (OrderStatuses.IsTerminal(order.Status))
        {
            return new("already-settled", OperatorOrderView.From(order, []));
        }

        BoundConnection connection;
        try
        {
            connection = await connections.RequireBoundAsync(order.UserId, cancellationToken);
        }
        catch (ApiException)
        {
            // Alpaca is asked with the user's own token; without a connection there is nobody to ask as.
            return new("not-connected", OperatorOrderView.From(order, []));
        }

        if (!connection.Holds(order.AlpacaAccountId, order.Environment))
        {
            return new("account-changed", OperatorOrderView.From(order, []));
        }

        try
        {
            await sync.ReconcileOwnPassAsync(order.UserId, connection);
        }
        catch (Exception e) when (e is AlpacaApiException or HttpRequestException)
        {
            return new("alpaca-unavailable", OperatorOrderView.From(order, []));
        }

        var now = await FindAsync(orderId, CancellationToken.None) ?? order;
        var outcome = OrderStatuses.IsTerminal(now.Status) ? "settled" : now.Status != order.Status ? "updated" : "unchanged";
        return new(outcome, OperatorOrderView.From(now, []));
    }

    private async Task<Order?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
    }
}
