using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// Every order's asset, looked up before the guardrails: <c>GET /v2/assets/{symbol}</c>, or for an OCC option symbol
/// <c>GET /v2/options/contracts/{symbol}</c> (whether the assets endpoint answers options is unverified; the contracts
/// endpoint carries the multiplier). Assets are the same for every account of an environment, so they are cached per
/// environment, for a while, in a bounded table.
/// </summary>
internal sealed partial class AssetDirectory(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Unknown symbols are asked again sooner: a listing may be added during the day.</summary>
    private static readonly TimeSpan MissingLifetime = TimeSpan.FromMinutes(1);

    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(AlpacaEnvironment, string), (TradableAsset? Asset, DateTimeOffset Expires)> _cache = new();

    /// <summary>The asset, or null when Alpaca has none by that symbol. Other failures reach the caller.</summary>
    public async Task<TradableAsset?> FindAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var key = (client.Connection.Environment, symbol);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return hit.Asset;
        }

        TradableAsset? asset;
        try
        {
            asset = IsOptionSymbol(symbol) ? await ContractAsync(client, symbol, cancellationToken) : await EquityOrCryptoAsync(client, symbol, cancellationToken);
        }
        catch (AlpacaApiException e) when (e.Kind == AlpacaErrorKind.NotFound)
        {
            asset = null;
        }

        if (_cache.Count >= Capacity)
        {
            _cache.Clear(); // rare: a bound on memory, not a policy; the next orders read their assets again
        }

        _cache[key] = (asset, now + (asset is null ? MissingLifetime : Lifetime));
        return asset;
    }

    /// <summary>The class a symbol's shape suggests, so the quote can be read alongside the asset; the asset's own class decides.</summary>
    public static AssetClass ClassBySymbol(string symbol) =>
        IsOptionSymbol(symbol) ? AssetClass.UsOption : symbol.Contains('/', StringComparison.Ordinal) ? AssetClass.Crypto : AssetClass.UsEquity;

    /// <summary>OCC: root (1–6 letters), expiry yymmdd, C or P, strike × 1000 in 8 digits.</summary>
    public static bool IsOptionSymbol(string symbol) => OccSymbol().IsMatch(symbol);

    private static async Task<TradableAsset> ContractAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var contract = await client.GetOptionContractAsync(symbol, cancellationToken);
        var active = contract.Status == Alpaca.Models.AlpacaAssetStatus.Active;
        return new TradableAsset(contract.Symbol, AssetClass.UsOption, contract.Tradable && active, Fractionable: false, Multiplier: contract.Multiplier);
    }

    private static async Task<TradableAsset> EquityOrCryptoAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var asset = await client.GetAssetAsync(symbol, cancellationToken);
        return new TradableAsset(
            asset.Symbol, AssetClasses.Parse(asset.AssetClass), asset.Tradable && asset.Status == Alpaca.Models.AlpacaAssetStatus.Active,
            asset.Fractionable, asset.MinOrderSize, asset.MinTradeIncrement, asset.PriceIncrement);
    }

    [GeneratedRegex("^[A-Z]{1,6}[0-9]{6}[CP][0-9]{8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex OccSymbol();
}
