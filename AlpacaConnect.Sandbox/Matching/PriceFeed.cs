using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// Deterministic prices: each symbol starts at its catalog price and moves only by <see cref="SetPrice"/>
/// or seeded random-walk ticks. The quote straddles the last price by one tick each side (a crypto pair's tick is its
/// <c>price_increment</c>).
/// </summary>
public sealed class PriceFeed(SandboxRandom random, TimeProvider time, IOptions<SandboxOptions> options)
{
    private readonly ConcurrentDictionary<string, SandboxQuote> _quotes = new(StringComparer.Ordinal);

    /// <summary>Raised after any price change, so resting orders are worked at once.</summary>
    public event Action? PriceChanged;

    public SandboxQuote Quote(SandboxAsset asset) =>
        _quotes.GetOrAdd(asset.Symbol, _ => Make(asset, asset.OpeningPrice));

    public void SetPrice(SandboxAsset asset, decimal price)
    {
        if (price <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(price), "A price must be positive.");
        }

        _quotes[asset.Symbol] = Make(asset, price);
        PriceChanged?.Invoke();
    }

    /// <summary>Moves each given symbol (or every symbol) by <paramref name="steps"/> seeded random-walk steps.</summary>
    public void Tick(IEnumerable<SandboxAsset> symbols, int steps = 1)
    {
        foreach (var asset in symbols)
        {
            var price = Quote(asset).Last;
            for (var i = 0; i < steps; i++)
            {
                var move = (decimal)((random.NextDouble() * 2 - 1) * options.Value.Market.RandomWalkStep);
                price = Math.Max(asset.RoundToTick(price * (1 + move)), asset.Tick(price));
            }

            _quotes[asset.Symbol] = Make(asset, price);
        }

        PriceChanged?.Invoke();
    }

    public void Reset() => _quotes.Clear();

    /// <summary>Prices of $1 or more move in cents, lower prices in hundredths of a cent (the sub-penny rule).</summary>
    public static decimal MinimumTick(decimal price) => price >= 1m ? 0.01m : 0.0001m;

    public static decimal RoundToTick(decimal price) =>
        Math.Round(price, price >= 1m ? 2 : 4, MidpointRounding.AwayFromZero);

    private SandboxQuote Make(SandboxAsset asset, decimal price)
    {
        var tick = asset.Tick(price);
        return new SandboxQuote(price, Math.Max(price - tick, tick), price + tick, time.GetUtcNow());
    }
}

/// <summary>Last trade price with the bid and ask around it.</summary>
public sealed record SandboxQuote(decimal Last, decimal Bid, decimal Ask, DateTimeOffset At);
