namespace AlpacaConnect.Sandbox.Matching;

/// <summary>A tradable instrument of the sandbox, with its opening price. Equities unless <see cref="Class"/> says otherwise.</summary>
public sealed record SandboxAsset(
    Guid Id,
    string Symbol,
    string Name,
    string Exchange,
    bool Fractionable,
    decimal OpeningPrice)
{
    /// <summary>Alpaca's <c>class</c>: one of <see cref="SandboxAssetClasses"/>.</summary>
    public string Class { get; init; } = SandboxAssetClasses.UsEquity;

    /// <summary>Crypto only (facts-more 3.3): the smallest order quantity.</summary>
    public decimal? MinOrderSize { get; init; }

    /// <summary>Crypto only: quantities are whole multiples of it.</summary>
    public decimal? MinTradeIncrement { get; init; }

    /// <summary>Crypto only: prices move and are quoted in whole multiples of it. Others follow the sub-penny rule.</summary>
    public decimal? PriceIncrement { get; init; }

    /// <summary>Alpaca's <c>status</c>: <c>active</c>, or <c>inactive</c> for a delisted asset (still found by symbol).</summary>
    public string Status { get; init; } = "active";

    /// <summary>Set for option contracts (class <c>us_option</c>).</summary>
    public SandboxOptionContract? Option { get; init; }

    public bool IsCrypto => Class == SandboxAssetClasses.Crypto;

    public bool IsOption => Class == SandboxAssetClasses.UsOption;

    /// <summary>Sandbox equities are marginable when fractionable (unchanged since the first catalog); crypto and
    /// options never (facts-more 3.3).</summary>
    public bool Marginable => Class == SandboxAssetClasses.UsEquity && Fractionable;

    /// <summary>Positions name crypto without the slash (<c>BTCUSD</c>), orders and market data with it (facts-more 3.3).</summary>
    public string PositionSymbol => IsCrypto ? Symbol.Replace("/", "", StringComparison.Ordinal) : Symbol;

    /// <summary>What one unit of quantity is worth per unit of price: the contract multiplier for options, else 1.</summary>
    public decimal Multiplier => Option?.Multiplier ?? 1m;

    /// <summary>Trades on weekends and at night (crypto is 24/7, DOCS-2025 <c>crypto-trading.md</c>).</summary>
    public bool TradesAroundTheClock => IsCrypto;

    /// <summary>The price step at <paramref name="price"/>.</summary>
    public decimal Tick(decimal price) => PriceIncrement ?? PriceFeed.MinimumTick(price);

    public decimal RoundToTick(decimal price) =>
        PriceIncrement is { } step ? Math.Round(price / step, MidpointRounding.AwayFromZero) * step : PriceFeed.RoundToTick(price);
}

/// <summary>Alpaca's asset class words.</summary>
public static class SandboxAssetClasses
{
    public const string UsEquity = "us_equity";
    public const string UsOption = "us_option";
    public const string Crypto = "crypto";
}
