namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// The seeded assets. Besides large caps it holds a non-fractionable stock (fractional and notional orders are
/// refused), a sub-$1 stock (four decimals allowed by the sub-penny rule), two crypto pairs and three option
/// contracts, one of them non-standard (no <c>multiplier</c> in its JSON).
/// </summary>
public sealed class AssetCatalog
{
    /// <summary>Not fractionable: fractional and notional orders get "requested asset is not fractionable".</summary>
    public const string NonFractionableSymbol = "SBXN";

    /// <summary>Trades below $1, so prices may carry four decimals.</summary>
    public const string PennyStockSymbol = "PNNY";

    /// <summary>Bitcoin, opening at $60,000: min order 0.0001, increment 0.0001, price increment 1.</summary>
    public const string BtcUsd = "BTC/USD";

    /// <summary>How positions (and the legacy asset form) name <see cref="BtcUsd"/>.</summary>
    public const string BtcUsdPositionSymbol = "BTCUSD";

    /// <summary>Ether, opening at $3,000: min order 0.001, increment 0.001, price increment 0.1.</summary>
    public const string EthUsd = "ETH/USD";

    /// <summary>Standard AAPL call, strike 200, expiring 2027-01-15, multiplier 100, opening at $5.00.</summary>
    public const string AaplCall = "AAPL270115C00200000";

    /// <summary>Standard AAPL put, strike 180, expiring 2027-01-15, multiplier 100, opening at $3.20.</summary>
    public const string AaplPut = "AAPL270115P00180000";

    /// <summary>Non-standard SBXN call (strike 40, 150 shares delivered) whose JSON has no <c>multiplier</c>; the
    /// sandbox values it at 100 per contract.</summary>
    public const string NonStandardOption = "SBXN270115C00040000";

    /// <summary>An inactive (delisted) equity: listed by <c>GET /v2/assets</c> only without <c>status=active</c>.</summary>
    public const string DelistedSymbol = "SBXD";

    private static readonly Guid AaplId = Guid.Parse("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415");
    private static readonly Guid SbxnId = Guid.Parse("3b3a5a8e-0c86-4f3b-9a53-6b1d2c7e9f10");
    private static readonly DateOnly January2027 = new(2027, 1, 15);

    private readonly Dictionary<string, SandboxAsset> _bySymbol;
    private readonly Dictionary<Guid, SandboxAsset> _byId;

    public AssetCatalog()
    {
        SandboxAsset[] assets =
        [
            new(AaplId, "AAPL", "Apple Inc. Common Stock", "NASDAQ", true, 190.00m),
            new(Guid.Parse("b6d1aa75-5c9c-4353-a305-9e2caa1925ab"), "MSFT", "Microsoft Corporation Common Stock", "NASDAQ", true, 420.00m),
            new(Guid.Parse("8ccae427-5dd0-45b3-b5fe-7ba5e422c766"), "TSLA", "Tesla, Inc. Common Stock", "NASDAQ", true, 250.00m),
            new(Guid.Parse("b28f4066-5c6d-479b-a2af-85dc1a8f16fb"), "SPY", "SPDR S&P 500 ETF Trust", "ARCA", true, 560.00m),
            new(SbxnId, NonFractionableSymbol, "Sandbox Whole Shares Corp. (fictional)", "NYSE", false, 42.00m),
            new(Guid.Parse("7d0e2b7c-1f0a-4c55-8a8e-2f4b7c9d1e22"), PennyStockSymbol, "Sandbox Penny Holdings (fictional)", "OTC", true, 0.4125m),
            Crypto(Guid.Parse("276e2673-764b-4ab6-a611-caf665ca6340"), BtcUsd, 60_000m, 0.0001m, 1m),
            Crypto(Guid.Parse("a1f3c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b"), EthUsd, 3_000m, 0.001m, 0.1m),
            Option(Guid.Parse("c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e90"), AaplCall, "AAPL Jan 15 2027 200 Call", 5.00m,
                new("AAPL", AaplId, "call", January2027, 200m, 100m, 100m)),
            Option(Guid.Parse("d5e6f7a8-1b2c-4d3e-8f40-5b6c7d8e9f01"), AaplPut, "AAPL Jan 15 2027 180 Put", 3.20m,
                new("AAPL", AaplId, "put", January2027, 180m, 100m, 100m)),
            Option(Guid.Parse("e6f7a8b9-2c3d-4e4f-9051-6c7d8e9f0a12"), NonStandardOption, "SBXN Jan 15 2027 40 Call (non-standard)", 2.50m,
                new("SBXN", SbxnId, "call", January2027, 40m, 100m, 150m, PublishesMultiplier: false)),
        ];
        All = assets;
        // Listed for the asset list (a ticker search's source) but kept out of All, whose random walk stays as seeded.
        SandboxAsset[] listedOnly =
        [
            new(Guid.Parse("4f2c1a9e-6b3d-4e8f-9a1b-2c3d4e5f6a70"), "A", "Agilent Technologies Inc. Common Stock", "NYSE", true, 130.00m),
            new(Guid.Parse("5a3d2b0f-7c4e-4f90-8b2c-3d4e5f6a7b81"), "AA", "Alcoa Corporation Common Stock", "NYSE", true, 38.00m),
            new(Guid.Parse("6b4e3c1a-8d5f-4a01-9c3d-4e5f6a7b8c92"), "AAL", "American Airlines Group Inc. Common Stock", "NASDAQ", true, 14.00m),
            new(Guid.Parse("7c5f4d2b-9e6a-4b12-8d4e-5f6a7b8c9da3"), "APLE", "Apple Hospitality REIT, Inc. Common Shares", "NYSE", true, 15.00m),
            new(Guid.Parse("8d6a5e3c-0f7b-4c23-9e5f-6a7b8c9d0eb4"), DelistedSymbol, "Sandbox Delisted Inc. (fictional)", "NASDAQ", false, 1.00m)
            {
                Status = "inactive",
            },
        ];
        Listed = [.. assets, .. listedOnly];
        _bySymbol = Listed.ToDictionary(a => a.Symbol, StringComparer.Ordinal);
        // The legacy crypto form without the slash (BTCUSD) names the same asset (facts-more 3.2).
        foreach (var crypto in assets.Where(a => a.IsCrypto))
        {
            _bySymbol[crypto.PositionSymbol] = crypto;
        }

        _byId = Listed.ToDictionary(a => a.Id);
    }

    /// <summary>The seeded instruments whose prices walk (<see cref="PriceFeed.Tick"/>).</summary>
    public IReadOnlyList<SandboxAsset> All { get; }

    /// <summary><see cref="All"/> and a few more equities, one of them inactive: what <c>GET /v2/assets</c> lists.</summary>
    public IReadOnlyList<SandboxAsset> Listed { get; }

    /// <summary>By symbol (case-sensitive, as Alpaca matches; crypto with or without the slash) or by asset id.</summary>
    public SandboxAsset? Find(string symbolOrId) =>
        _bySymbol.TryGetValue(symbolOrId, out var asset) ? asset
        : Guid.TryParse(symbolOrId, out var id) && _byId.TryGetValue(id, out asset) ? asset
        : null;

    /// <summary>
    /// A route value as the client meant it: ASP.NET Core routing leaves an escaped slash (<c>BTC%2FUSD</c>, how
    /// Alpaca documents crypto in a path) escaped, so it is unescaped here.
    /// </summary>
    public static string FromPath(string routeValue) =>
        routeValue.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(routeValue) : routeValue;

    private static SandboxAsset Crypto(Guid id, string symbol, decimal price, decimal increment, decimal priceIncrement) =>
        new(id, symbol, $"{symbol} pair", "CRYPTO", true, price)
        {
            Class = SandboxAssetClasses.Crypto, MinOrderSize = increment, MinTradeIncrement = increment, PriceIncrement = priceIncrement,
        };

    // Option positions report exchange "" (SPEC-2026 ExchangeForPosition).
    private static SandboxAsset Option(Guid id, string symbol, string name, decimal price, SandboxOptionContract contract) =>
        new(id, symbol, name, "", false, price) { Class = SandboxAssetClasses.UsOption, Option = contract };
}
