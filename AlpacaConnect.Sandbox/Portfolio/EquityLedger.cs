using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Portfolio;

/// <summary>
/// The account's equity at any instant, replayed from its ledger: the starting cash, every fill and every non-trade
/// activity up to then, holdings valued at the symbol's last fill price up to then, and at the price feed's current
/// price from <see cref="Build"/>'s <c>now</c> on. The same ledger and prices always give the same answer.
/// </summary>
internal sealed class EquityLedger
{
    private readonly List<(DateTimeOffset At, string Symbol, decimal Cash, decimal Qty, decimal Price, decimal Multiplier)> _events;
    private readonly Dictionary<string, decimal> _current;
    private readonly decimal _startingCash;

    private EquityLedger(
        List<(DateTimeOffset, string, decimal, decimal, decimal, decimal)> events, Dictionary<string, decimal> current, decimal startingCash)
    {
        _events = events;
        _current = current;
        _startingCash = startingCash;
    }

    /// <summary>Call under the account's lock.</summary>
    public static EquityLedger Build(SandboxAccount account, AssetCatalog assets, PriceFeed prices, decimal startingCash)
    {
        var events = account.Fills.Select(f =>
        {
            var multiplier = assets.Find(f.Symbol)?.Multiplier ?? 1m;
            var sign = f.Side == "buy" ? 1m : -1m;
            return (f.TransactionTime, f.Symbol, -sign * f.Qty * f.Price * multiplier, sign * f.Qty, f.Price, multiplier);
        }).Concat(account.NonTradeActivities.Select(a => (a.CreatedAt, "", a.NetAmount, 0m, 0m, 1m)))
            .OrderBy(e => e.Item1).ToList();
        var current = account.Fills.Select(f => f.Symbol).Distinct()
            .ToDictionary(s => s, s => assets.Find(s) is { } asset ? prices.Quote(asset).Last : 0m);
        return new EquityLedger(events, current, startingCash);
    }

    /// <summary>Equity at each of <paramref name="points"/> (ascending); the ones at or after <paramref name="now"/> use current prices.</summary>
    public IReadOnlyList<decimal> EquityAt(IReadOnlyList<DateTimeOffset> points, DateTimeOffset now)
    {
        var cash = _startingCash;
        var held = new Dictionary<string, (decimal Qty, decimal Price, decimal Multiplier)>();
        var next = 0;
        var result = new List<decimal>(points.Count);
        foreach (var point in points)
        {
            for (; next < _events.Count && _events[next].At <= point; next++)
            {
                var e = _events[next];
                cash += e.Cash;
                if (e.Symbol.Length > 0)
                {
                    var qty = held.GetValueOrDefault(e.Symbol).Qty + e.Qty;
                    held[e.Symbol] = (qty, e.Price, e.Multiplier);
                }
            }

            var value = held.Sum(h => h.Value.Qty * h.Value.Multiplier * (point >= now ? _current.GetValueOrDefault(h.Key, h.Value.Price) : h.Value.Price));
            result.Add(Math.Round(cash + value, 2));
        }

        return result;
    }
}
