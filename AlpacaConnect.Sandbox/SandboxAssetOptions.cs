namespace AlpacaConnect.Sandbox;

/// <summary>Asset lookups Alpaca does not pin down (section <c>Sandbox:Assets</c>).</summary>
public sealed class SandboxAssetOptions
{
    /// <summary>
    /// Whether <c>GET /v2/assets/{symbol}</c> answers an option contract's OCC symbol (UNVERIFIED, facts-more 10).
    /// Default false: 404, so clients look options up on <c>GET /v2/options/contracts/{symbol_or_id}</c>, which always
    /// answers them.
    /// </summary>
    public bool OptionsOnAssetsEndpoint { get; set; }
}
