using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Trading.Reads;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>replaceOrder</c>: the caller's open order → (same key? replay) → guardrails on the order as it would become → the
/// new order saved as PENDING_SUBMIT with a client order id from (user, key) → PATCH → Alpaca's new order stored with
/// <c>replaces</c>, and the old one linked by <c>replacedBy</c>. Like placeOrder, never sent twice (decision 0007).
/// </summary>
internal sealed class OrderReplacement(
    ConnectionDirectory connections,
    IAlpacaClientFactory alpaca,
    OrderStore store,
    OrderGuardrails guardrails,
    OrderLocks locks,
    ConnectionReadCache reads,
    TimeProvider time)
{
    public async Task<ReplaceOrderPayload> ReplaceAsync(string userId, ReplaceOrderInput input, CancellationToken cancellationToken)
    {
        if (ReplaceOrderRules.Check(input) is { Count: > 0 } invalid)
        {
            return ReplaceOrderPayload.Failed(invalid);
        }

        if (!Guid.TryParse(input.OrderId, out var oldId) || await store.FindAsync(userId, oldId, cancellationToken) is not { } old)
        {
            return ReplaceOrderPayload.Failed(new OrderNotFoundError());
        }

        var fingerprint = RequestFingerprint.Of(input, old.Id);
        await using var keyLock = await locks.ForKeyAsync(userId, input.IdempotencyKey, cancellationToken);
        if (await store.FindByKeyAsync(userId, input.IdempotencyKey, cancellationToken) is { } existing)
        {
            return await ReplayAsync(existing, old, fingerprint, cancellationToken);
        }

        if (OrderStatuses.IsTerminal(old.Status))
        {
            return ReplaceOrderPayload.Failed(new OrderNotReplaceableError($"The order is {old.Status}; only open orders can be replaced."));
        }

        if (ReplaceOrderRules.CheckAgainst(input, old) is { Count: > 0 } misfit)
        {
            return ReplaceOrderPayload.Failed(misfit);
        }

        if (old.AlpacaOrderId is null)
        {
            // Whether Alpaca holds it is not known yet; placeOrder with its key settles that first.
            return ReplaceOrderPayload.Failed(new OrderStateUnknownError(old.Id));
        }

        try
        {
            var connection = await connections.RequireAsync(userId, cancellationToken);
            if (connection.ConnectionId != old.ConnectionId)
            {
                return ReplaceOrderPayload.Failed(new OrderNotReplaceableError("The order was placed through an earlier Alpaca connection."));
            }

            var client = alpaca.ForConnection(connection);
            var market = await guardrails.ReadMarketAsync(client, old.Symbol, cancellationToken);
            Order replacement;
            await using (await locks.ForUserAsync(userId, cancellationToken))
            {
                var (violations, estimate) = await guardrails.CheckAsync(
                    userId, GuardrailOrderOf(old, input, connection), market, cancellationToken, replacing: old.Id);
                if (violations.Count > 0)
                {
                    return ReplaceOrderPayload.Failed(violations.Select(v => new GuardrailViolationError(v.Rule, v.Message, v.Limit, v.Actual)));
                }

                replacement = NewReplacement(old, input, fingerprint, estimate);
                await store.InsertAsync(replacement, cancellationToken);
            }

            return await SubmitAsync(client, old, replacement, lookUpFirst: false);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return ReplaceOrderPayload.Failed(e.Code == ErrorCodes.NotConnected ? new NotConnectedError() : new ReauthRequiredError());
        }
        catch (AlpacaApiException e) when (OrderErrorMapping.From(e) is { } error)
        {
            // A guardrail read failed; nothing was saved or sent.
            return ReplaceOrderPayload.Failed(error);
        }
        catch (DbUpdateException)
        {
            // Another server instance saved this key first (the unique index held): its replacement is this key's.
            var raced = await store.FindByKeyAsync(userId, input.IdempotencyKey, cancellationToken);
            return raced is null ? throw new InvalidOperationException("The replacement could not be saved.") : await ReplayAsync(raced, old, fingerprint, cancellationToken);
        }
    }

    private async Task<ReplaceOrderPayload> ReplayAsync(Order existing, Order old, string fingerprint, CancellationToken cancellationToken)
    {
        if (KeyReplay.Settled(existing, fingerprint, "Alpaca refused the replace.") is { } settled)
        {
            return new ReplaceOrderPayload(settled.Order, settled.Errors);
        }

        try
        {
            var client = alpaca.ForConnection(await connections.RequireAsync(existing.UserId, cancellationToken));
            return await SubmitAsync(client, old, existing, lookUpFirst: true);
        }
        catch (ApiException e) when (e.Code is ErrorCodes.NotConnected or ErrorCodes.ReauthRequired)
        {
            return new ReplaceOrderPayload(existing, [e.Code == ErrorCodes.NotConnected ? new NotConnectedError() : new ReauthRequiredError(), new OrderStateUnknownError(existing.Id, OrderStateUnknownError.ReplaceAgain)]);
        }
    }

    /// <summary>Not cancellable by the request, like placeOrder's: once the PATCH may be on its way, its outcome is recorded.</summary>
    private async Task<ReplaceOrderPayload> SubmitAsync(IAlpacaTradingClient client, Order old, Order replacement, bool lookUpFirst)
    {
        var patch = PatchOf(old, replacement);
        var outcome = await OrderSubmission.SubmitAsync(
            client, replacement.ClientOrderId, ct => client.ReplaceOrderAsync(old.AlpacaOrderId!.Value, patch, ct), lookUpFirst, CancellationToken.None);
        switch (outcome)
        {
            case SubmissionOutcome.Placed placed:
                // The replacement reserves buying power while the replace is pending (facts 2.7).
                reads.Invalidate(replacement.ConnectionId);
                return await AcceptedAsync(client, old, await store.ApplyAsync(replacement.Id, placed.Order, placed.Source, CancellationToken.None));
            case SubmissionOutcome.Refused { Error: var e }:
                var message = OrderErrorMapping.Describe(e);
                var rejected = await store.MarkRejectedAsync(replacement.Id, e.ErrorCode, e.AlpacaCode, message, CancellationToken.None);
                return new ReplaceOrderPayload(rejected, [OrderErrorMapping.Rejection(e.ErrorCode, e.AlpacaCode, message)]);
            case SubmissionOutcome.NotSent { Error: var e } when replacement.Status == OrderStatus.PendingSubmit && !lookUpFirst:
                await store.DeleteAsync(replacement.Id, CancellationToken.None);
                return OrderErrorMapping.From(e) is { } typed ? ReplaceOrderPayload.Failed(typed) : throw e;
            case SubmissionOutcome.NotSent { Error: var e }:
                var kept = await store.MarkAsync(replacement.Id, OrderStatus.Unknown, "unknown", CancellationToken.None);
                if (kept.AlpacaOrderId is not null)
                {
                    return await AcceptedAsync(client, old, kept); // the stream reported it meanwhile: Alpaca has it
                }

                return new ReplaceOrderPayload(kept, OrderErrorMapping.From(e) is { } why
                    ? [why, new OrderStateUnknownError(replacement.Id, OrderStateUnknownError.ReplaceAgain)]
                    : [new OrderStateUnknownError(replacement.Id, OrderStateUnknownError.ReplaceAgain)]);
            case SubmissionOutcome.Unknown:
                var unknown = await store.MarkAsync(replacement.Id, OrderStatus.Unknown, "unknown", CancellationToken.None);
                // The trade_updates stream may have reported the replacement (by its client order id) meanwhile.
                return unknown.AlpacaOrderId is null
                    ? new ReplaceOrderPayload(unknown, [new OrderStateUnknownError(replacement.Id, OrderStateUnknownError.ReplaceAgain)])
                    : await AcceptedAsync(client, old, unknown);
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }

    private async Task<ReplaceOrderPayload> AcceptedAsync(IAlpacaTradingClient client, Order old, Order stored)
    {
        await store.MarkReplacedByAsync(old.Id, stored.Id, CancellationToken.None);
        await RefreshAsync(client, old);
        return new ReplaceOrderPayload(stored, []);
    }

    /// <summary>The old order as Alpaca now reports it (PENDING_REPLACE, usually); a failed read leaves it as it was.</summary>
    private async Task RefreshAsync(IAlpacaTradingClient client, Order old)
    {
        try
        {
            await store.ApplyAsync(old.Id, await client.GetOrderAsync(old.AlpacaOrderId!.Value, cancellationToken: CancellationToken.None), "refresh", CancellationToken.None);
        }
        catch (AlpacaApiException)
        {
            // The stream or the next sync reports it.
        }
    }

    /// <summary>
    /// Only what changes: Alpaca refuses to change a fractional quantity even to itself (facts 2.7). The time in force
    /// is always sent, so a replace that changes nothing is still a well-formed PATCH.
    /// </summary>
    private static AlpacaReplaceOrder PatchOf(Order old, Order replacement) => new()
    {
        ClientOrderId = replacement.ClientOrderId,
        Qty = replacement.Qty != old.Qty ? replacement.Qty : null,
        LimitPrice = replacement.LimitPrice != old.LimitPrice ? replacement.LimitPrice : null,
        StopPrice = replacement.StopPrice != old.StopPrice ? replacement.StopPrice : null,
        Trail = replacement.TrailPrice != old.TrailPrice || replacement.TrailPercent != old.TrailPercent
            ? replacement.TrailPrice ?? replacement.TrailPercent
            : null,
        TimeInForce = Enum.Parse<AlpacaTimeInForce>(replacement.TimeInForce.ToString()),
    };

    private Order NewReplacement(Order old, ReplaceOrderInput input, string fingerprint, decimal estimate)
    {
        var now = time.GetUtcNow();
        return new Order
        {
            Id = Guid.NewGuid(),
            UserId = old.UserId,
            ConnectionId = old.ConnectionId,
            IdempotencyKey = input.IdempotencyKey,
            RequestFingerprint = fingerprint,
            ClientOrderId = ClientOrderIds.Derive(old.UserId, input.IdempotencyKey),
            Symbol = old.Symbol,
            Side = old.Side,
            Type = old.Type,
            TimeInForce = input.TimeInForce ?? old.TimeInForce,
            OrderClass = old.OrderClass,
            Qty = input.Qty ?? old.Qty,
            LimitPrice = input.LimitPrice ?? old.LimitPrice,
            StopPrice = input.StopPrice ?? old.StopPrice,
            TrailPrice = old.TrailPrice is null ? null : input.Trail ?? old.TrailPrice,
            TrailPercent = old.TrailPercent is null ? null : input.Trail ?? old.TrailPercent,
            ExtendedHours = old.ExtendedHours,
            TakeProfitLimitPrice = old.TakeProfitLimitPrice,
            StopLossStopPrice = old.StopLossStopPrice,
            StopLossLimitPrice = old.StopLossLimitPrice,
            EstimatedNotional = estimate,
            Replaces = old.Id,
            Status = OrderStatus.PendingSubmit,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static GuardrailOrder GuardrailOrderOf(Order old, ReplaceOrderInput input, AlpacaConnectionRef connection) =>
        new(old.Symbol, old.Side, old.Type, input.TimeInForce ?? old.TimeInForce, input.Qty ?? old.Qty, old.Notional,
            input.LimitPrice ?? old.LimitPrice, input.StopPrice ?? old.StopPrice, connection.Environment);
}
