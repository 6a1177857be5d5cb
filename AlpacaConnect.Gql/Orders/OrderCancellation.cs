using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Trading.Reads;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>cancelOrder</c>. Alpaca's 204 only means the cancel was requested (facts 2.8): the order is reported as
/// PENDING_CANCEL until Alpaca says CANCELED (or it fills first). A cancel moves no money, so it does not take the
/// order pipeline; it goes only to the account the order was sent to.
/// </summary>
internal sealed class OrderCancellation(ConnectionDirectory connections, IAlpacaClientFactory alpaca, OrderStore store, ConnectionReadCache reads)
{
    public async Task<CancelOrderPayload> CancelAsync(string userId, string orderId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(orderId, out var id) || await store.FindAsync(userId, id, cancellationToken) is not { } order)
        {
            return CancelOrderPayload.Failed(new OrderNotFoundError());
        }

        if (OrderStatuses.IsTerminal(order.Status))
        {
            return new CancelOrderPayload(order, [new OrderNotCancelableError($"The order is {order.Status}; only open orders can be cancelled.")]);
        }

        if (order.AlpacaOrderId is not { } alpacaId)
        {
            // Whether Alpaca holds it is not known yet; placeOrder with the same key settles that first.
            return new CancelOrderPayload(order, [new OrderStateUnknownError(order.Id)]);
        }

        IAlpacaTradingClient client;
        try
        {
            var connection = await connections.RequireBoundAsync(userId, cancellationToken);
            if (!connection.Holds(order.AlpacaAccountId, order.Environment))
            {
                // The order is at another account than the one connected now: nothing about it goes to this one.
                return new CancelOrderPayload(order, [new OrderAccountChangedError(order.Id)]);
            }

            client = alpaca.ForConnection(connection.Connection);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return new CancelOrderPayload(order, [ConnectionErrors.Of(e)]);
        }

        if (await CancelRequest.SendAsync(client, alpacaId, cancellationToken) is { } refused)
        {
            // Not cancelable any more: show what it became.
            var shown = refused is OrderNotCancelableError ? await RefreshAsync(client, order, cancellationToken) : order;
            return new CancelOrderPayload(shown, [refused]);
        }

        reads.InvalidateBalances(order.ConnectionId);
        return new CancelOrderPayload(await store.MarkAsync(order.Id, OrderStatus.PendingCancel, "cancel", CancellationToken.None), []);
    }

    private async Task<Order> RefreshAsync(IAlpacaTradingClient client, Order order, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ApplyAsync(order.Id, await client.GetOrderAsync(order.AlpacaOrderId!.Value, cancellationToken: cancellationToken), "refresh", cancellationToken);
        }
        catch (AlpacaApiException)
        {
            return order;
        }
    }
}
