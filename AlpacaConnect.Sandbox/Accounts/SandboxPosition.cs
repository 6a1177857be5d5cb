namespace AlpacaConnect.Sandbox.Accounts;

/// <summary>A long holding; mutated only under its account's lock.</summary>
public sealed class SandboxPosition(Matching.SandboxAsset asset)
{
    public Matching.SandboxAsset Asset { get; } = asset;

    public decimal Qty { get; set; }

    public decimal CostBasis { get; set; }

    /// <summary>Per share: an option's cost basis holds the multiplier, its entry price does not.</summary>
    public decimal AverageEntryPrice => Qty == 0 ? 0 : CostBasis / (Qty * Asset.Multiplier);
}
