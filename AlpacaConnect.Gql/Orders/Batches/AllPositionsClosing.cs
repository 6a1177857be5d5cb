using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders.Pipeline;

namespace AlpacaConnect.Gql.Orders.Batches;

/// <summary>
/// <c>closeAllPositions</c> (decision 0038). Not Alpaca's <c>DELETE /v2/positions</c>: the orders it creates carry no
/// client order id we chose, so they could not be saved as intents before the send nor looked up after a lost answer.
/// Instead the positions listed at the account connected now are saved as the key's batch and each is closed by
/// <c>closePosition</c> in full, with a key derived from (batch key, symbol): every close takes the one order pipeline
/// (launch controls, asset, guardrails, reservation, intent bound to its account, sent once, settled), and a replay
/// reaches the same rows instead of closing again.
/// </summary>
internal sealed class AllPositionsClosing(
    ConnectionDirectory connections, IAlpacaClientFactory alpaca, OrderBatchStore batches, OrderLocks locks, TradingGate gate,
    AllOrdersCancellation cancellation, PositionClosing closing)
{
    public async Task<CloseAllPositionsPayload> CloseAllAsync(string userId, CloseAllPositionsInput input, CancellationToken cancellationToken)
    {
        if (OrderInputRules.KeyError(input.IdempotencyKey) is { } invalid)
        {
            return CloseAllPositionsPayload.Failed([invalid]);
        }

        await using var keyLock = await locks.ForKeyAsync(userId, $"batch:close-all:{input.IdempotencyKey}", cancellationToken);
        var fingerprint = OrderBatchKeys.CloseAllFingerprint(input.CancelOrders);
        var batch = await batches.FindAsync(userId, OrderBatchKind.CloseAll, input.IdempotencyKey, cancellationToken);
        if (batch is not null && batch.RequestFingerprint != fingerprint)
        {
            return CloseAllPositionsPayload.Failed([new IdempotencyKeyReusedError()]);
        }

        BoundConnection connection;
        try
        {
            connection = await connections.RequireBoundAsync(userId, cancellationToken);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return CloseAllPositionsPayload.Failed([ConnectionErrors.Of(e)]);
        }

        if (batch is not null && !connection.Holds(batch.AlpacaAccountId, batch.Environment))
        {
            return CloseAllPositionsPayload.Failed([new BatchAccountChangedError()]);
        }

        // Checked before any order is cancelled or any position read: a paused user's tap does nothing at all. A replay
        // is answered from its rows first; each close's pipeline run checks again before anything would be sent.
        if (batch is null && await gate.RefusalAsync(userId, connection.AccountId, cancellationToken) is { } closed)
        {
            return CloseAllPositionsPayload.Failed([closed]);
        }

        IReadOnlyList<CancelAllOrdersItem> cancelled = [];
        if (input.CancelOrders)
        {
            var cancels = await cancellation.CancelAllAsync(userId, OrderBatchKeys.ForCancelBeforeClose(input.IdempotencyKey), cancellationToken);
            if (cancels.Errors.Count > 0)
            {
                return new CloseAllPositionsPayload([], [], cancels.Errors);
            }

            cancelled = cancels.Items;
        }

        if (batch is null)
        {
            IReadOnlyList<AlpacaPosition> positions;
            try
            {
                positions = await alpaca.ForConnection(connection.Connection).ListPositionsAsync(cancellationToken);
            }
            catch (AlpacaApiException e) when (OrderErrorMapping.From(e) is { } error)
            {
                return new CloseAllPositionsPayload([], cancelled, [error]);
            }

            batch = await batches.SaveFirstAsync(
                userId, OrderBatchKind.CloseAll, input.IdempotencyKey, fingerprint, connection, positions.Select(p => new OrderBatchItem(p.Symbol)), cancellationToken);
        }

        var items = new List<CloseAllPositionsItem>();
        foreach (var item in OrderBatchItems.Read(batch))
        {
            // Each close is its own pipeline run, bound to the batch's account (should the user connect another account
            // meanwhile, the rest is refused, not sent there); the request's cancellation no longer stops the ones after
            // the first.
            var close = new ClosePositionInput { Symbol = item.Symbol, Percentage = 100m, IdempotencyKey = OrderBatchKeys.ForClose(input.IdempotencyKey, item.Symbol) };
            var payload = await closing.CloseAsync(userId, close, CancellationToken.None, (batch.AlpacaAccountId, batch.Environment));
            items.Add(new CloseAllPositionsItem(item.Symbol, payload.Order, payload.Errors));
        }

        return new CloseAllPositionsPayload(items, cancelled, []);
    }
}
