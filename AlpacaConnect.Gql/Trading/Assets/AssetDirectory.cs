using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Trading.Assets;

/// <summary>
/// Every order's asset, looked up before the guardrails: <c>GET /v2/assets/{symbol}</c>, or for an OCC option symbol
/// <c>GET /v2/options/contracts/{symbol}</c> (whether the assets endpoint answers options is unverified; the contracts
/// endpoint carries the multiplier). Assets are the same for every account of an environment, so they are cached per
/// environment, for a while, in a bounded table. The order ticket's <c>asset(symbol)</c> reads the same table
/// (<see cref="FindListingAsync"/>), so showing an asset and then ordering it costs one lookup.
/// </summary>
internal sealed partial class AssetDirectory(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Unknown symbols are asked again sooner: a listing may be added during the day.</summary>
    private static readonly TimeSpan MissingLifetime = TimeSpan.FromMinutes(1);

    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(AlpacaEnvironment, string), (ListedAsset? Asset, DateTimeOffset Expires)> _cache = new();

    /// <summary>The asset, or null when Alpaca has none by that symbol. Other failures reach the caller.</summary>
    public async Task<TradableAsset?> FindAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken) =>
        (await FindListingAsync(client, symbol, cancellationToken))?.Tradable;

    /// <summary>What Alpaca lists for the symbol (an option contract as an asset of class <c>us_option</c>), or null when it has none.</summary>
    public async Task<ListedAsset?> FindListingAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var key = (client.Connection.Environment, symbol);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return hit.Asset;
        }

        ListedAsset? asset;
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

    private static async Task<ListedAsset> ContractAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var contract = await client.GetOptionContractAsync(symbol, cancellationToken);
        var active = contract.Status == AlpacaAssetStatus.Active;
        var listing = new AlpacaAsset
        {
            Id = contract.Id, Symbol = contract.Symbol, Name = contract.Name, AssetClass = "us_option", Status = contract.Status,
            Tradable = contract.Tradable,
        };
        return new ListedAsset(
            new TradableAsset(contract.Symbol, AssetClass.UsOption, contract.Tradable && active, Fractionable: false, Multiplier: contract.Multiplier),
            listing);
    }

    private static async Task<ListedAsset> EquityOrCryptoAsync(IAlpacaTradingClient client, string symbol, CancellationToken cancellationToken)
    {
        var asset = await client.GetAssetAsync(symbol, cancellationToken);
        return new ListedAsset(
            new TradableAsset(
                asset.Symbol, AssetClasses.Parse(asset.AssetClass), asset.Tradable && asset.Status == AlpacaAssetStatus.Active,
                asset.Fractionable, asset.MinOrderSize, asset.MinTradeIncrement, asset.PriceIncrement),
            asset);
    }

    [GeneratedRegex("^[A-Z]{1,6}[0-9]{6}[CP][0-9]{8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex OccSymbol();
}

/// <summary>An asset as the order pipeline judges it and as Alpaca lists it.</summary>
internal sealed record ListedAsset(TradableAsset Tradable, AlpacaAsset Listing);
