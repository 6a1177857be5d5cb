using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>
/// PATCH: a new order replaces the old one (<c>replaces</c>); the old one goes <c>pending_replace</c> and
/// becomes <c>replaced</c> (with <c>replaced_by</c>) when the engine completes the replace.
/// </summary>
public sealed class SandboxOrderReplacement(SandboxOrderPlacement placement, OrderEvents events, PriceFeed prices, TimeProvider time, IOptions<SandboxOptions> options)
{
    internal (SandboxOrder? Order, IResult? Error) Replace(SandboxAccount account, SandboxOrder old, ReplaceOrderRequest patch)
    {
        lock (account.Sync)
        {
            if (!SandboxOrderStatus.CanReplace(old.Status))
            {
                return (null, AlpacaError.Invalid($"order is not replaceable in status {old.Status}"));
            }

            if (old.Notional is not null)
            {
                return (null, AlpacaError.Invalid("notional orders cannot be replaced"));
            }

            if (patch.Qty is { } qty && (qty <= 0 || qty != decimal.Truncate(qty)))
            {
                return (null, AlpacaError.Invalid("qty must be a positive whole number"));
            }

            if (patch.ClientOrderId is { } clientOrderId && account.OrdersByClientId.ContainsKey(clientOrderId))
            {
                return (null, AlpacaError.Result(options.Value.Orders.DuplicateClientOrderIdStatus, AlpacaError.InvalidParameter, "client_order_id must be unique"));
            }

            var request = new NewOrderRequest
            {
                Qty = patch.Qty ?? old.Qty,
                TimeInForce = patch.TimeInForce ?? old.TimeInForce,
                TrailPrice = old.TrailPrice is null ? null : patch.Trail ?? old.TrailPrice,
                TrailPercent = old.TrailPercent is null ? null : patch.Trail ?? old.TrailPercent,
                ClientOrderId = patch.ClientOrderId,
                OrderClass = old.OrderClass,
                ExtendedHours = old.ExtendedHours,
                PositionIntent = old.PositionIntent,
            };
            var now = time.GetUtcNow();
            var replacement = placement.Create(request, old.Asset, old.Side, old.Type, patch.LimitPrice ?? old.LimitPrice,
                old.Type == "trailing_stop" ? null : patch.StopPrice ?? old.StopPrice, now);
            replacement.Replaces = old.Id;
            replacement.Status = SandboxOrderStatus.PendingNew;
            if (old.IsBuy && AccountLedger.Cost(replacement, prices) - AccountLedger.Cost(old, prices) > account.BuyingPower(prices))
            {
                return (null, AlpacaError.Result(403, AlpacaError.Forbidden, "insufficient buying power"));
            }

            account.Add(replacement);
            old.Status = SandboxOrderStatus.PendingReplace;
            old.PendingReplacement = replacement;
            old.UpdatedAt = now;
            old.WorkableAt = now + options.Value.Market.FillDelay;
            events.Publish(account, old, "pending_replace");
            return (replacement, null);
        }
    }
}

/// <summary>The body of <c>PATCH /v2/orders/{id}</c>; every field optional.</summary>
internal sealed record ReplaceOrderRequest(decimal? Qty, string? TimeInForce, decimal? LimitPrice, decimal? StopPrice, decimal? Trail, string? ClientOrderId);
