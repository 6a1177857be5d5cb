using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Watchlists;

/// <summary>
/// Alpaca's <c>Watchlist</c> (with <c>assets</c>, full Asset objects) and <c>WatchlistWithoutAsset</c> (the list
/// answer, facts-more 5).
/// </summary>
internal static class SandboxWatchlistWire
{
    /// <summary>Call under the account's lock.</summary>
    public static object With(SandboxAccount account, SandboxWatchlist w) => new
    {
        id = w.Id,
        account_id = account.Id,
        name = w.Name,
        created_at = w.CreatedAt,
        updated_at = w.UpdatedAt,
        assets = w.Assets.Select(SandboxAssetWire.From).ToList(),
    };

    public static object Without(SandboxAccount account, SandboxWatchlist w) => new
    {
        id = w.Id,
        account_id = account.Id,
        name = w.Name,
        created_at = w.CreatedAt,
        updated_at = w.UpdatedAt,
    };
}
