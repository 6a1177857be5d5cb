using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>closePosition</c>: the position is read (404 → POSITION_NOT_FOUND, nothing saved), the closing order saved as
/// PENDING_SUBMIT, then <c>DELETE /v2/positions/{symbol}</c> answers with the closing market order. Alpaca takes no
/// client order id on this call, so an ambiguous failure cannot be looked up: the row is kept as UNKNOWN and a retry
/// with the same key never sends it again (decision 0007); the order history settles it.
/// </summary>
internal sealed class PositionClosing(
    ConnectionDirectory connections,
    IAlpacaClientFactory alpaca,
    OrderStore store,
    OrderLocks locks,
    ConnectionReadCache reads,
    IOptionsMonitor<GuardrailOptions> guardrails,
    TimeProvider time)
{
    public async Task<ClosePositionPayload> CloseAsync(string userId, ClosePositionInput input, CancellationToken cancellationToken)
    {
        if (ClosePositionRules.Check(input) is { Count: > 0 } invalid)
        {
            return ClosePositionPayload.Failed(invalid);
        }

        // Without a key each call is a new close; the generated key still gives the row its unique client order id.
        var key = input.IdempotencyKey ?? $"close-{Guid.NewGuid():N}";
        var fingerprint = RequestFingerprint.Of(input);
        await using var keyLock = await locks.ForKeyAsync(userId, key, cancellationToken);
        if (await store.FindByKeyAsync(userId, key, cancellationToken) is { } existing)
        {
            return Replay(existing, fingerprint);
        }

        try
        {
            var connection = await connections.RequireAsync(userId, cancellationToken);
            if (connection.Environment == AlpacaEnvironment.Live && !guardrails.CurrentValue.AllowLiveTrading)
            {
                return ClosePositionPayload.Failed(new GuardrailViolationError(GuardrailRules.LiveTradingDisabled, "Live trading is not enabled on this server.", null, null));
            }

            var client = alpaca.ForConnection(connection);
            var position = await client.GetPositionAsync(input.NormalizedSymbol, cancellationToken);
            var order = NewClosingOrder(userId, connection, key, fingerprint, input, position);
            await store.InsertAsync(order, cancellationToken);
            return await SendAsync(client, order, input);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return ClosePositionPayload.Failed(e.Code == ErrorCodes.NotConnected ? new NotConnectedError() : new ReauthRequiredError());
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
        {
            return ClosePositionPayload.Failed(new PositionNotFoundError(input.NormalizedSymbol));
        }
        catch (AlpacaApiException e) when (OrderErrorMapping.From(e) is { } error)
        {
            return ClosePositionPayload.Failed(error);
        }
    }

    /// <summary>A close cannot be looked up (Alpaca takes no client order id on it), so an unsettled one stays unknown.</summary>
    private static ClosePositionPayload Replay(Order existing, string fingerprint) =>
        KeyReplay.Settled(existing, fingerprint, "Alpaca refused the close.") is { } settled
            ? new ClosePositionPayload(settled.Order, settled.Errors)
            : new ClosePositionPayload(existing, [new OrderStateUnknownError(existing.Id, OrderStateUnknownError.CheckBeforeClosingAgain)]);

    /// <summary>Not cancellable by the request: once the DELETE may be on its way, its outcome is recorded.</summary>
    private async Task<ClosePositionPayload> SendAsync(IAlpacaTradingClient client, Order order, ClosePositionInput input)
    {
        try
        {
            var closing = await client.ClosePositionAsync(order.Symbol, input.Qty, input.Percentage, CancellationToken.None);
            reads.Invalidate(order.ConnectionId);
            return new ClosePositionPayload(await store.ApplyClosingAsync(order.Id, closing, CancellationToken.None), []);
        }
        catch (AlpacaApiException e) when (e.IsAmbiguous)
        {
            var unknown = await store.MarkAsync(order.Id, OrderStatus.Unknown, "unknown", CancellationToken.None);
            return new ClosePositionPayload(unknown, [new OrderStateUnknownError(order.Id, OrderStateUnknownError.CheckBeforeClosingAgain)]);
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
        {
            // Closed meanwhile (another close, or a fill): nothing was created.
            await store.DeleteAsync(order.Id, CancellationToken.None);
            return ClosePositionPayload.Failed(new PositionNotFoundError(order.Symbol));
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.Rejected)
        {
            var message = OrderErrorMapping.Describe(e);
            var rejected = await store.MarkRejectedAsync(order.Id, e.ErrorCode, e.AlpacaCode, message, CancellationToken.None);
            return new ClosePositionPayload(rejected, [OrderErrorMapping.Rejection(e.ErrorCode, e.AlpacaCode, message)]);
        }
        catch (AlpacaApiException e)
        {
            // Not ambiguous and not a refusal (429, 401, refused before sending): Alpaca never took it, the key is free.
            await store.DeleteAsync(order.Id, CancellationToken.None);
            if (OrderErrorMapping.From(e) is { } typed)
            {
                return ClosePositionPayload.Failed(typed);
            }

            throw;
        }
    }

    /// <summary>
    /// Counted as an order for the daily count, not against the daily value: closing reduces exposure.
    /// The side and quantity are the expected ones until Alpaca answers with its own.
    /// </summary>
    private Order NewClosingOrder(
        string userId, AlpacaConnectionRef connection, string key, string fingerprint, ClosePositionInput input, AlpacaPosition position)
    {
        var now = time.GetUtcNow();
        var held = Math.Abs(position.Qty);
        return new Order
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            ConnectionId = connection.ConnectionId,
            IdempotencyKey = key,
            RequestFingerprint = fingerprint,
            ClientOrderId = ClientOrderIds.Derive(userId, key),
            Symbol = position.Symbol,
            Side = position.Side == AlpacaPositionSide.Short ? OrderSide.Buy : OrderSide.Sell,
            Type = OrderType.Market,
            TimeInForce = TimeInForce.Day,
            OrderClass = OrderClass.Simple,
            Qty = input.Qty ?? decimal.Round(held * input.Percentage!.Value / 100m, 9),
            EstimatedNotional = 0m,
            Status = OrderStatus.PendingSubmit,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
