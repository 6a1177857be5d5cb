namespace AlpacaConnect.Gql.Sandbox.Matching;

/// <summary>
/// The seeded assets. Besides large caps it holds a non-fractionable stock (fractional and notional orders
/// are refused) and a sub-$1 stock (four decimals allowed by the sub-penny rule).
/// </summary>
public sealed class AssetCatalog
{
    /// <summary>Not fractionable: fractional and notional orders get "requested asset is not fractionable".</summary>
    public const string NonFractionableSymbol = "SBXN";

    /// <summary>Trades below $1, so prices may carry four decimals.</summary>
    public const string PennyStockSymbol = "PNNY";

    private readonly Dictionary<string, SandboxAsset> _bySymbol;
    private readonly Dictionary<Guid, SandboxAsset> _byId;

    public AssetCatalog()
    {
        SandboxAsset[] assets =
        [
            new(Guid.Parse("b0b6dd9d-8b9b-48a9-ba46-b9d54906e415"), "AAPL", "Apple Inc. Common Stock", "NASDAQ", true, 190.00m),
            new(Guid.Parse("b6d1aa75-5c9c-4353-a305-9e2caa1925ab"), "MSFT", "Microsoft Corporation Common Stock", "NASDAQ", true, 420.00m),
            new(Guid.Parse("8ccae427-5dd0-45b3-b5fe-7ba5e422c766"), "TSLA", "Tesla, Inc. Common Stock", "NASDAQ", true, 250.00m),
            new(Guid.Parse("b28f4066-5c6d-479b-a2af-85dc1a8f16fb"), "SPY", "SPDR S&P 500 ETF Trust", "ARCA", true, 560.00m),
            new(Guid.Parse("3b3a5a8e-0c86-4f3b-9a53-6b1d2c7e9f10"), NonFractionableSymbol, "Sandbox Whole Shares Corp. (fictional)", "NYSE", false, 42.00m),
            new(Guid.Parse("7d0e2b7c-1f0a-4c55-8a8e-2f4b7c9d1e22"), PennyStockSymbol, "Sandbox Penny Holdings (fictional)", "OTC", true, 0.4125m),
        ];
        All = assets;
        _bySymbol = assets.ToDictionary(a => a.Symbol, StringComparer.Ordinal);
        _byId = assets.ToDictionary(a => a.Id);
    }

    public IReadOnlyList<SandboxAsset> All { get; }

    /// <summary>By symbol (case-sensitive, as Alpaca matches) or by asset id.</summary>
    public SandboxAsset? Find(string symbolOrId) =>
        _bySymbol.TryGetValue(symbolOrId, out var asset) ? asset
        : Guid.TryParse(symbolOrId, out var id) && _byId.TryGetValue(id, out asset) ? asset
        : null;
}
