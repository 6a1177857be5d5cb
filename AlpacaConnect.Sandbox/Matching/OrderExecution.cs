using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Activities;
using AlpacaConnect.Sandbox.Trading;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// Fills, cancels and activations of single orders, with their effects on cash, positions, linked legs and
/// the stream. Every method runs under the account's lock.
/// </summary>
public sealed class OrderExecution(PriceFeed prices, OrderEvents events, SandboxRandom random, TimeProvider time, IOptions<SandboxOptions> options)
{
    private SandboxMarketOptions Market => options.Value.Market;

    /// <summary>Fills what is marketable now (ORDERS-DOC: paper fills against the quote).</summary>
    public void TryFill(SandboxAccount account, SandboxOrder order)
    {
        var quote = prices.Quote(order.Asset);
        if (!OrderTriggers.IsMarketable(order, quote))
        {
            if (order.TimeInForce is "ioc" or "fok")
            {
                Cancel(account, order);
            }

            return;
        }

        var price = order.IsBuy ? quote.Ask : quote.Bid;
        var quantity = order.RemainingQty ?? NotionalQuantity(order, price);
        if (order.TimeInForce != "fok" && Market.PartialFillProbability > 0 && quantity > 1 && quantity == decimal.Truncate(quantity) &&
            random.NextDouble() < Market.PartialFillProbability)
        {
            quantity = Math.Max(1, decimal.Floor(quantity * (decimal)(0.1 + random.NextDouble() * 0.8)));
        }

        Apply(account, order, quantity, price);
        if (order.TimeInForce == "ioc" && order.Status == SandboxOrderStatus.PartiallyFilled)
        {
            Cancel(account, order);
        }
    }

    public void Cancel(SandboxAccount account, SandboxOrder order, string status = SandboxOrderStatus.Canceled)
    {
        var now = time.GetUtcNow();
        order.Status = status;
        order.UpdatedAt = now;
        if (status == SandboxOrderStatus.Expired)
        {
            order.ExpiredAt = now;
        }
        else
        {
            order.CanceledAt = now;
        }

        events.Publish(account, order, status);
        foreach (var leg in order.Legs.Where(l => !SandboxOrderStatus.IsClosed(l.Status)))
        {
            Cancel(account, leg);
        }
    }

    /// <summary>Makes an order work: <c>new</c> and fillable after the fill delay.</summary>
    public void Activate(SandboxAccount account, SandboxOrder order)
    {
        var now = time.GetUtcNow();
        order.Status = SandboxOrderStatus.New;
        order.UpdatedAt = now;
        order.WorkableAt = now + Market.FillDelay;
        events.Publish(account, order, "new");
    }

    private void Apply(SandboxAccount account, SandboxOrder order, decimal quantity, decimal price)
    {
        var now = time.GetUtcNow();
        if (!account.Positions.TryGetValue(order.Asset.Symbol, out var position))
        {
            position = account.Positions[order.Asset.Symbol] = new SandboxPosition(order.Asset);
        }

        var value = quantity * price;
        // Cash moves by the premium: price × multiplier × contracts for options (facts-more 3.4), price × qty otherwise.
        var cash = value * order.Asset.Multiplier;
        if (order.IsBuy)
        {
            account.Cash -= cash;
            position.CostBasis += cash;
            position.Qty += quantity;
        }
        else
        {
            account.Cash += cash;
            position.CostBasis -= position.AverageEntryPrice * quantity * order.Asset.Multiplier;
            position.Qty -= quantity;
        }

        var positionQty = position.Qty;
        if (position.Qty == 0)
        {
            account.Positions.Remove(order.Asset.Symbol);
        }

        var filledBefore = order.FilledQty;
        order.FilledQty += quantity;
        order.FilledAvgPrice = ((order.FilledAvgPrice ?? 0) * filledBefore + value) / order.FilledQty;
        order.UpdatedAt = now;
        var done = order.Notional is not null || order.FilledQty >= order.Qty;
        order.Status = done ? SandboxOrderStatus.Filled : SandboxOrderStatus.PartiallyFilled;
        if (done)
        {
            order.FilledAt = now;
        }

        var fill = new Fill(random.NextUuid(), price, quantity, positionQty);
        account.Fills.Add(new SandboxFillActivity(
            ActivityId(now, fill.ExecutionId), fill.ExecutionId, now, done, price, quantity, order.FilledQty, order.RemainingQty ?? 0,
            order.Side, order.Asset.Symbol, order.Id, order.Status));
        events.Publish(account, order, done ? "fill" : "partial_fill", fill);
        if (done)
        {
            OnFilled(account, order);
        }
    }

    /// <summary>Alpaca's activity id: the New York time to the millisecond, then a uuid (facts-more 2).</summary>
    private static string ActivityId(DateTimeOffset at, Guid uuid) =>
        MarketCalendar.ToNewYork(at).ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture) + "::" + uuid;

    /// <summary>A dollar amount in shares to nine decimals, or in whole multiples of a crypto pair's increment.</summary>
    private static decimal NotionalQuantity(SandboxOrder order, decimal price)
    {
        var step = order.Asset.MinTradeIncrement ?? 0.000000001m;
        return decimal.Floor(order.Notional!.Value / price / step) * step;
    }

    /// <summary>Bracket and OTO legs wait (<c>held</c>) until the entry fills completely; one exit filling
    /// cancels the other (OCO semantics of bracket and oco classes).</summary>
    private void OnFilled(SandboxAccount account, SandboxOrder order)
    {
        if (order.OrderClass == "oco" && order.Parent is null)
        {
            order.Legs.Where(l => !SandboxOrderStatus.IsClosed(l.Status)).ToList().ForEach(l => Cancel(account, l));
            return;
        }

        foreach (var leg in order.Legs.Where(l => l.Status == SandboxOrderStatus.Held))
        {
            Activate(account, leg);
        }

        if (order.Parent is { } parent)
        {
            var others = parent.OrderClass == "oco" ? [parent] : parent.Legs.Where(l => l != order);
            foreach (var other in others.Where(o => !SandboxOrderStatus.IsClosed(o.Status)).ToList())
            {
                other.Status = SandboxOrderStatus.Canceled;
                other.CanceledAt = other.UpdatedAt = time.GetUtcNow();
                events.Publish(account, other, "canceled");
            }
        }
    }
}
