using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>placeOrder</c>: input rules → (same key? replay) → guardrails → the row saved as PENDING_SUBMIT with its client
/// order id → POST → Alpaca's answer stored. One attempt per (user, key) at a time; see <see cref="OrderLocks"/>.
/// </summary>
internal sealed partial class OrderPlacement(
    ConnectionDirectory connections,
    IAlpacaClientFactory alpaca,
    OrderStore store,
    OrderGuardrails guardrails,
    OrderLocks locks,
    ConnectionReadCache reads,
    TimeProvider time,
    ILogger<OrderPlacement> logger)
{
    public async Task<PlaceOrderPayload> PlaceAsync(string userId, PlaceOrderInput input, CancellationToken cancellationToken)
    {
        if (OrderInputRules.Check(input) is { Count: > 0 } invalid)
        {
            return PlaceOrderPayload.Failed(invalid);
        }

        var fingerprint = RequestFingerprint.Of(input);
        await using var keyLock = await locks.ForKeyAsync(userId, input.IdempotencyKey, cancellationToken);
        if (await store.FindByKeyAsync(userId, input.IdempotencyKey, cancellationToken) is { } existing)
        {
            return await ReplayAsync(existing, fingerprint, cancellationToken);
        }

        try
        {
            var connection = await connections.RequireAsync(userId, cancellationToken);
            var client = alpaca.ForConnection(connection);
            var market = await guardrails.ReadMarketAsync(client, input.NormalizedSymbol, cancellationToken);
            Order order;
            await using (await locks.ForUserAsync(userId, cancellationToken))
            {
                var (violations, estimate) = await guardrails.CheckAsync(userId, GuardrailOrderOf(input, connection), market, cancellationToken);
                if (violations.Count > 0)
                {
                    return PlaceOrderPayload.Failed(violations.Select(v => new GuardrailViolationError(v.Rule, v.Message, v.Limit, v.Actual)));
                }

                order = NewOrder(userId, connection, input, fingerprint, estimate);
                await store.InsertAsync(order, cancellationToken);
            }

            return await SubmitAsync(client, order, lookUpFirst: false);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected)
        {
            return PlaceOrderPayload.Failed(new NotConnectedError());
        }
        catch (ApiException e) when (e.Code is ErrorCodes.ReauthRequired)
        {
            return PlaceOrderPayload.Failed(new ReauthRequiredError());
        }
        catch (AlpacaApiException e) when (OrderErrorMapping.From(e) is { } error)
        {
            // A guardrail read failed; nothing was saved or sent.
            return PlaceOrderPayload.Failed(error);
        }
        catch (DbUpdateException)
        {
            // Another server instance inserted the key first (the unique index held); its order is this key's order.
            var raced = await store.FindByKeyAsync(userId, input.IdempotencyKey, cancellationToken);
            return raced is null ? throw new InvalidOperationException("The order could not be saved.") : await ReplayAsync(raced, fingerprint, cancellationToken);
        }
    }

    /// <summary>The key was seen before: its order, or the reason there is none, without a second order.</summary>
    private async Task<PlaceOrderPayload> ReplayAsync(Order existing, string fingerprint, CancellationToken cancellationToken)
    {
        if (KeyReplay.Settled(existing, fingerprint, "Alpaca refused the order.") is { } settled)
        {
            return new PlaceOrderPayload(settled.Order, settled.Errors);
        }

        // An earlier attempt's outcome is unknown (or it stopped before recording it): find out, sending again only if
        // Alpaca has no order with this client order id.
        try
        {
            var client = alpaca.ForConnection(await connections.RequireAsync(existing.UserId, cancellationToken));
            return await SubmitAsync(client, existing, lookUpFirst: true);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return new PlaceOrderPayload(existing, [e.Code == ErrorCodes.NotConnected ? new NotConnectedError() : new ReauthRequiredError(), new OrderStateUnknownError(existing.Id)]);
        }
    }

    /// <summary>
    /// Deliberately not cancellable by the GraphQL request: once the POST may be on its way, the outcome is recorded
    /// even if the app hangs up. Alpaca's own timeouts bound it.
    /// </summary>
    private async Task<PlaceOrderPayload> SubmitAsync(IAlpacaTradingClient client, Order order, bool lookUpFirst)
    {
        var outcome = await OrderSubmission.SubmitAsync(client, AlpacaOrderOf(order), lookUpFirst, CancellationToken.None);
        switch (outcome)
        {
            case SubmissionOutcome.Placed placed:
                // An open buy reserves buying power at once: the account read a moment ago is stale now.
                reads.Invalidate(order.ConnectionId);
                return new PlaceOrderPayload(await store.ApplyAsync(order.Id, placed.Order, placed.Source, CancellationToken.None), []);
            case SubmissionOutcome.Refused { Error: var e }:
                var rejected = await store.MarkRejectedAsync(order.Id, e.ErrorCode, e.AlpacaCode, OrderErrorMapping.Describe(e), CancellationToken.None);
                return new PlaceOrderPayload(rejected, [OrderErrorMapping.Rejection(e.ErrorCode, e.AlpacaCode, OrderErrorMapping.Describe(e))]);
            case SubmissionOutcome.NotSent { Error: var e } when order.Status == OrderStatus.PendingSubmit && !lookUpFirst:
                await store.DeleteAsync(order.Id, CancellationToken.None);
                return OrderErrorMapping.From(e) is { } typed ? PlaceOrderPayload.Failed(typed) : throw e;
            case SubmissionOutcome.NotSent { Error: var e }:
                // An earlier attempt may still have reached Alpaca: keep the row until a lookup settles it.
                var kept = await store.MarkAsync(order.Id, OrderStatus.Unknown, "unknown", CancellationToken.None);
                if (kept.AlpacaOrderId is not null)
                {
                    return new PlaceOrderPayload(kept, []); // the stream reported it meanwhile: Alpaca has it
                }

                return new PlaceOrderPayload(kept, OrderErrorMapping.From(e) is { } why
                    ? [why, new OrderStateUnknownError(order.Id)]
                    : [new OrderStateUnknownError(order.Id)]);
            case SubmissionOutcome.Unknown { Error: var e }:
                LogUnknown(logger, order.Id, order.ClientOrderId, e.ErrorCode);
                var unknown = await store.MarkAsync(order.Id, OrderStatus.Unknown, "unknown", CancellationToken.None);
                // The trade_updates stream may have reported the order (by its client order id) meanwhile: then it is placed.
                return new PlaceOrderPayload(unknown, unknown.AlpacaOrderId is null ? [new OrderStateUnknownError(order.Id)] : []);
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    private Order NewOrder(string userId, AlpacaConnectionRef connection, PlaceOrderInput input, string fingerprint, decimal estimate)
    {
        var now = time.GetUtcNow();
        return new Order
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            ConnectionId = connection.ConnectionId,
            IdempotencyKey = input.IdempotencyKey,
            RequestFingerprint = fingerprint,
            ClientOrderId = ClientOrderIds.Derive(userId, input.IdempotencyKey),
            Symbol = input.NormalizedSymbol,
            Side = input.Side,
            Type = input.Type,
            TimeInForce = input.TimeInForce,
            OrderClass = input.OrderClass,
            Qty = input.Qty,
            Notional = input.Notional,
            LimitPrice = input.LimitPrice,
            StopPrice = input.StopPrice,
            TrailPrice = input.TrailPrice,
            TrailPercent = input.TrailPercent,
            ExtendedHours = input.ExtendedHours,
            TakeProfitLimitPrice = input.TakeProfit?.LimitPrice,
            StopLossStopPrice = input.StopLoss?.StopPrice,
            StopLossLimitPrice = input.StopLoss?.LimitPrice,
            EstimatedNotional = estimate,
            Status = OrderStatus.PendingSubmit,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static GuardrailOrder GuardrailOrderOf(PlaceOrderInput input, AlpacaConnectionRef connection) =>
        new(input.NormalizedSymbol, input.Side, input.Type, input.TimeInForce, input.Qty, input.Notional, input.LimitPrice, input.StopPrice, connection.Environment);

    private static AlpacaNewOrder AlpacaOrderOf(Order order) => new()
    {
        ClientOrderId = order.ClientOrderId,
        Symbol = order.Symbol,
        Side = order.Side == OrderSide.Buy ? AlpacaOrderSide.Buy : AlpacaOrderSide.Sell,
        Type = order.Type switch
        {
            OrderType.Market => AlpacaOrderType.Market,
            OrderType.Limit => AlpacaOrderType.Limit,
            OrderType.Stop => AlpacaOrderType.Stop,
            OrderType.StopLimit => AlpacaOrderType.StopLimit,
            _ => AlpacaOrderType.TrailingStop,
        },
        TimeInForce = Enum.Parse<AlpacaTimeInForce>(order.TimeInForce.ToString()),
        Qty = order.Qty,
        Notional = order.Notional,
        LimitPrice = order.LimitPrice,
        StopPrice = order.StopPrice,
        TrailPrice = order.TrailPrice,
        TrailPercent = order.TrailPercent,
        ExtendedHours = order.ExtendedHours,
        OrderClass = order.OrderClass == OrderClass.Simple ? null : Enum.Parse<AlpacaOrderClass>(order.OrderClass.ToString()),
        TakeProfit = order.TakeProfitLimitPrice is { } tp ? new AlpacaTakeProfit(tp) : null,
        StopLoss = order.StopLossStopPrice is { } sl ? new AlpacaStopLoss(sl, order.StopLossLimitPrice) : null,
    };

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Order {OrderId} ({ClientOrderId}): Alpaca's state is unknown after {Code}; kept as UNKNOWN for reconciliation")]
    private static partial void LogUnknown(ILogger logger, Guid orderId, string clientOrderId, string code);
}
