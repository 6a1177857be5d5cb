using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>Creates orders after the account-dependent checks: unique client order id, buying power, shares
/// available, session windows. Returns either the order or Alpaca's error.</summary>
public sealed class SandboxOrderPlacement(
    PriceFeed prices, MarketCalendar calendar, SandboxRandom random, OrderExecution execution, TimeProvider time, IOptions<SandboxOptions> options)
{
    internal (SandboxOrder? Order, IResult? Error) Place(SandboxAccount account, NewOrderRequest r, SandboxAsset asset)
    {
        var now = time.GetUtcNow();
        if (SessionWindowProblem(r, now) is { } windowProblem)
        {
            return (null, windowProblem);
        }

        lock (account.Sync)
        {
            if (r.ClientOrderId is { } clientOrderId && account.OrdersByClientId.ContainsKey(clientOrderId))
            {
                return (null, AlpacaError.Result(options.Value.Orders.DuplicateClientOrderIdStatus, AlpacaError.InvalidParameter, "client_order_id must be unique"));
            }

            var order = Create(r, asset, r.Side!, r.Type!, r.LimitPrice, r.StopPrice, now);
            if (Affordability(account, order) is { } refusal)
            {
                return (null, refusal);
            }

            AddLegs(r, order, now);
            account.Add(order);
            order.Legs.ForEach(account.Add);
            var open = calendar.IsOpenFor(asset, now);
            if (open)
            {
                execution.Activate(account, order);
                order.Legs.Where(l => l.Status != SandboxOrderStatus.Held).ToList().ForEach(l => execution.Activate(account, l));
            }

            return (order, null);
        }
    }

    internal SandboxOrder Create(NewOrderRequest r, SandboxAsset asset, string side, string type, decimal? limit, decimal? stop, DateTimeOffset now)
    {
        var dayEnd = r.TimeInForce == "day" && !calendar.IsAlwaysOpen && !asset.TradesAroundTheClock ? calendar.NextClose(now) : (DateTimeOffset?)null;
        return new SandboxOrder
        {
            Id = random.NextUuid(),
            ClientOrderId = r.ClientOrderId ?? random.NextUuid().ToString(),
            Asset = asset,
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
            Qty = r.Qty,
            Notional = r.Notional,
            OrderClass = r.OrderClass == "simple" ? "" : r.OrderClass,
            Type = type,
            Side = side,
            TimeInForce = r.TimeInForce!,
            LimitPrice = limit,
            StopPrice = stop,
            TrailPrice = type == "trailing_stop" ? r.TrailPrice : null,
            TrailPercent = type == "trailing_stop" ? r.TrailPercent : null,
            ExtendedHours = r.ExtendedHours,
            // The spec allows no null here, and the sandbox never holds a short: a buy opens, a sell closes.
            PositionIntent = r.PositionIntent ?? (side == "buy" ? "buy_to_open" : "sell_to_close"),
            Status = SandboxOrderStatus.Accepted,
            DayEndsAt = dayEnd,
            // Aged order policy: GTC orders are canceled 90 days after creation, at 4:15pm ET (ORDERS-DOC).
            ExpiresAt = r.TimeInForce == "gtc" ? AgedOrderDeadline(now) : dayEnd,
        };
    }

    private void AddLegs(NewOrderRequest r, SandboxOrder parent, DateTimeOffset now)
    {
        if (r.OrderClass is not ("bracket" or "oco" or "oto"))
        {
            return;
        }

        var exitSide = r.OrderClass == "oco" ? r.Side! : r.Side == "buy" ? "sell" : "buy";
        var exitRequest = r with { ClientOrderId = null, OrderClass = r.OrderClass, ExtendedHours = false };
        // OCO: the parent is the take-profit limit, the stop-loss is its one leg; both work at once.
        if (r.HasTakeProfit && r.OrderClass != "oco")
        {
            parent.Legs.Add(Create(exitRequest, parent.Asset, exitSide, "limit", r.TakeProfitLimitPrice, null, now));
        }

        if (r.HasStopLoss)
        {
            var type = r.StopLossLimitPrice is null ? "stop" : "stop_limit";
            parent.Legs.Add(Create(exitRequest, parent.Asset, exitSide, type, r.StopLossLimitPrice, r.StopLossStopPrice, now));
        }

        foreach (var leg in parent.Legs)
        {
            leg.Parent = parent;
            leg.Status = r.OrderClass == "oco" ? SandboxOrderStatus.Accepted : SandboxOrderStatus.Held;
        }
    }

    private IResult? Affordability(SandboxAccount account, SandboxOrder order)
    {
        if (order.IsBuy)
        {
            var cost = AccountLedger.Cost(order, prices);
            var buyingPower = account.BuyingPower(prices);
            return cost <= buyingPower ? null : AlpacaError.Result(403, AlpacaError.Forbidden, "insufficient buying power", new Dictionary<string, string>
            {
                ["buying_power"] = SandboxJson.Decimal(Math.Round(buyingPower, 2)),
                ["cost_basis"] = SandboxJson.Decimal(Math.Round(cost, 2)),
            });
        }

        // The sandbox does not short: a sell needs shares that no other open sell holds.
        var owned = account.Positions.TryGetValue(order.Asset.Symbol, out var position) ? position.Qty : 0;
        var available = owned - account.HeldForOrders(order.Asset.Symbol);
        var requested = order.Qty ?? order.Notional!.Value / prices.Quote(order.Asset).Bid;
        return requested <= available ? null : AlpacaError.Result(403, AlpacaError.Forbidden,
            $"insufficient qty available for order (requested: {SandboxJson.Decimal(Math.Round(requested, 9))}, available: {SandboxJson.Decimal(available)})",
            new Dictionary<string, string> { ["symbol"] = order.Asset.Symbol });
    }

    /// <summary><c>opg</c> is refused 9:28am–7:00pm ET and <c>cls</c> 3:50pm–7:00pm ET (ORDERS-DOC), with NYSE hours only.</summary>
    private IResult? SessionWindowProblem(NewOrderRequest r, DateTimeOffset now)
    {
        if (calendar.IsAlwaysOpen || r.TimeInForce is not ("opg" or "cls"))
        {
            return null;
        }

        var clock = MarketCalendar.ToNewYork(now).TimeOfDay;
        var from = r.TimeInForce == "opg" ? new TimeSpan(9, 28, 0) : new TimeSpan(15, 50, 0);
        return clock >= from && clock < new TimeSpan(19, 0, 0)
            ? AlpacaError.Unprocessable422($"{r.TimeInForce} orders cannot be submitted at this time")
            : null;
    }

    private static DateTimeOffset AgedOrderDeadline(DateTimeOffset now)
    {
        var day = MarketCalendar.ToNewYork(now).Date.AddDays(90).AddHours(16).AddMinutes(15);
        return new DateTimeOffset(day, MarketCalendar.NewYork.GetUtcOffset(day));
    }
}
