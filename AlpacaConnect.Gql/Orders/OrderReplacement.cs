using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Orders.Pipeline;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// <c>replaceOrder</c>: the caller's open order on the connected account, then <see cref="OrderPipeline"/> with the order
/// as it would become, a client order id from (user, key) and a PATCH sent once. Alpaca's new order is stored with
/// <c>replaces</c>, and the old one linked by <c>replacedBy</c> (decision 0007).
/// </summary>
internal sealed class OrderReplacement(OrderPipeline pipeline, OrderStore store)
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

        var command = new ReplaceCommand(store, old, input)
        {
            UserId = userId,
            IdempotencyKey = input.IdempotencyKey,
            Fingerprint = RequestFingerprint.Of(input, old.Id),
        };
        var (order, errors) = await pipeline.RunAsync(command, cancellationToken);
        return new ReplaceOrderPayload(order, errors);
    }

    private sealed class ReplaceCommand(OrderStore store, Order old, ReplaceOrderInput input) : OrderCommand
    {
        public override OrderCommandKind Kind => OrderCommandKind.Replace;

        public override string UnknownGuidance => OrderStateUnknownError.ReplaceAgain;

        public override IReadOnlyList<PayloadError> Precheck()
        {
            if (OrderStatuses.IsTerminal(old.Status))
            {
                return [new OrderNotReplaceableError($"The order is {old.Status}; only open orders can be replaced.")];
            }

            if (ReplaceOrderRules.CheckAgainst(input, old) is { Count: > 0 } misfit)
            {
                return misfit;
            }

            // Whether Alpaca holds it is not known yet; placeOrder with its key settles that first.
            return old.AlpacaOrderId is null ? [new OrderStateUnknownError(old.Id)] : [];
        }

        public override Task<IReadOnlyList<PayloadError>> PrepareAsync(BoundConnection connection, IAlpacaTradingClient client, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PayloadError>>(connection.Holds(old.AlpacaAccountId, old.Environment) ? [] : [new OrderAccountChangedError(old.Id)]);

        public override OrderTicket Ticket() => new(
            old.Symbol, old.Side, old.Type, input.TimeInForce ?? old.TimeInForce, input.Qty ?? old.Qty, old.Notional,
            input.LimitPrice ?? old.LimitPrice, input.StopPrice ?? old.StopPrice, old.ExtendedHours, old.OrderClass);

        /// <summary>The old order's count and value move to its replacement when both are of the same day.</summary>
        public override (int Count, decimal Notional) Supersedes(string day) =>
            old.UsageDay == day && old.Status != OrderStatus.Rejected ? (1, old.EstimatedNotional) : (0, 0m);

        public override Order NewIntent() => new()
        {
            UserId = old.UserId,
            IdempotencyKey = IdempotencyKey,
            RequestFingerprint = Fingerprint,
            ClientOrderId = ClientOrderIds.Derive(old.UserId, IdempotencyKey),
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
            Replaces = old.Id,
        };

        /// <summary>The replacement carries the client order id, so a second PATCH with it is refused too (decision 0007).</summary>
        public override Task<SubmissionOutcome> SendAsync(IAlpacaTradingClient client, Order intent)
        {
            var patch = PatchOf(intent);
            return OrderSubmission.SubmitAsync(
                client, intent.ClientOrderId, ct => client.ReplaceOrderAsync(old.AlpacaOrderId!.Value, patch, ct), CancellationToken.None);
        }

        public override async Task<Order> AcceptedAsync(IAlpacaTradingClient client, Order stored)
        {
            await store.MarkReplacedByAsync(old.Id, stored.Id, CancellationToken.None);
            try
            {
                // The old order as Alpaca now reports it (PENDING_REPLACE, usually).
                await store.ApplyAsync(old.Id, await client.GetOrderAsync(old.AlpacaOrderId!.Value, cancellationToken: CancellationToken.None), "refresh", CancellationToken.None);
            }
            catch (AlpacaApiException)
            {
                // The stream or the next sync reports it.
            }

            return stored;
        }

        /// <summary>
        /// Only what changes: Alpaca refuses to change a fractional quantity even to itself (facts 2.7). The time in
        /// force is always sent, so a replace that changes nothing is still a well-formed PATCH.
        /// </summary>
        private AlpacaReplaceOrder PatchOf(Order replacement) => new()
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
    }
}
