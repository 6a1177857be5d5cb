using System.Text.Json;
using AlpacaConnect.Sandbox.Accounts;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Sandbox.Trading;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Watchlists;

/// <summary>
/// Watchlist CRUD by id (facts-more 5). Writes need <c>account:write</c>, not <c>trading</c>. Errors as Alpaca was seen
/// to answer: 404 for an unknown watchlist or symbol, 422 for a duplicate name or a bad parameter. Alpaca's limits on
/// lists and symbols are UNVERIFIED, so there are none here.
/// </summary>
internal static class WatchlistEndpoints
{
    public const int MaxNameLength = 64;

    public static void MapWatchlists(this IEndpointRouteBuilder v2)
    {
        var lists = v2.MapGroup("/watchlists").WithMetadata(new RequiredScope(OAuthScopes.AccountWrite));
        lists.MapGet("", (HttpContext http) => Locked(http, a => Results.Json(a.Watchlists.Select(w => SandboxWatchlistWire.Without(a, w)).ToList(), SandboxJson.Options)));
        lists.MapPost("", Create);
        lists.MapGet("/{id}", (string id, HttpContext http) => Locked(http, a => Find(a, id) is { } w ? Answer(a, w) : NotFound()));
        lists.MapPut("/{id}", Update);
        lists.MapPost("/{id}", Add);
        lists.MapDelete("/{id}", (string id, HttpContext http) => Locked(http, a =>
            Find(a, id) is { } w && a.Watchlists.Remove(w) ? Results.NoContent() : NotFound()));
        lists.MapDelete("/{id}/{symbol}", Remove);
    }

    private static async Task<IResult> Create(HttpContext http, AssetCatalog assets, SandboxRandom random, TimeProvider time)
    {
        var body = await ReadAsync(http);
        var name = body?.Name;
        return Locked(http, a =>
        {
            var unresolved = Resolve(assets, body?.Symbols, out var resolved);
            var refused = Refusal(a, name, null) ?? unresolved;
            if (refused is not null)
            {
                return refused;
            }

            var list = new SandboxWatchlist(random.NextUuid(), name!, time.GetUtcNow());
            list.Assets.AddRange(resolved);
            a.Watchlists.Add(list);
            return Answer(a, list);
        });
    }

    /// <summary>A new name and/or the full replacement symbol list; what is left out stays.</summary>
    private static async Task<IResult> Update(string id, HttpContext http, AssetCatalog assets, TimeProvider time)
    {
        var body = await ReadAsync(http);
        return Locked(http, a =>
        {
            if (Find(a, id) is not { } list)
            {
                return NotFound();
            }

            var unresolved = Resolve(assets, body?.Symbols, out var resolved);
            var refused = (body?.Name is { } name ? Refusal(a, name, list) : null) ?? unresolved;
            if (refused is not null)
            {
                return refused;
            }

            list.Name = body?.Name ?? list.Name;
            if (body?.Symbols is not null)
            {
                list.Assets.Clear();
                list.Assets.AddRange(resolved);
            }

            list.UpdatedAt = time.GetUtcNow();
            return Answer(a, list);
        });
    }

    private static async Task<IResult> Add(string id, HttpContext http, AssetCatalog assets, TimeProvider time)
    {
        var body = await ReadAsync(http);
        return Locked(http, a =>
        {
            if (Find(a, id) is not { } list)
            {
                return NotFound();
            }

            // One symbol, not an array: an array body was answered "asset not found: " (Alpaca-API#91).
            if (body?.Symbol is not { Length: > 0 } symbol || assets.Find(symbol) is not { } asset)
            {
                return AlpacaError.Invalid($"asset not found: {body?.Symbol}");
            }

            if (list.Assets.Any(x => x.Symbol == asset.Symbol))
            {
                return AlpacaError.Invalid($"symbol already in watchlist: {asset.Symbol}"); // Alpaca's answer is UNVERIFIED
            }

            list.Assets.Add(asset);
            list.UpdatedAt = time.GetUtcNow();
            return Answer(a, list);
        });
    }

    private static IResult Remove(string id, string symbol, HttpContext http, TimeProvider time) => Locked(http, a =>
    {
        if (Find(a, id) is not { } list || list.Assets.FindIndex(x => x.Symbol == AssetCatalog.FromPath(symbol)) is var at && at < 0)
        {
            return AlpacaError.Result(404, AlpacaError.NotFound, "not found");
        }

        list.Assets.RemoveAt(at);
        list.UpdatedAt = time.GetUtcNow();
        return Answer(a, list); // SPEC-2026: 200 with the watchlist
    });

    private static IResult? Refusal(SandboxAccount account, string? name, SandboxWatchlist? renamed) =>
        name is not { Length: > 0 and <= MaxNameLength } ? AlpacaError.Invalid("invalid watchlist name")
        : account.Watchlists.Any(w => w != renamed && w.Name == name) ? AlpacaError.Invalid("watchlist name must be unique")
        : null;

    private static IResult? Resolve(AssetCatalog assets, List<string>? symbols, out List<SandboxAsset> resolved)
    {
        resolved = [];
        foreach (var symbol in symbols ?? [])
        {
            if (assets.Find(symbol) is not { } asset)
            {
                return AlpacaError.Invalid($"asset not found: {symbol}");
            }

            if (!resolved.Contains(asset))
            {
                resolved.Add(asset);
            }
        }

        return null;
    }

    private static SandboxWatchlist? Find(SandboxAccount account, string id) =>
        Guid.TryParse(id, out var guid) ? account.Watchlists.Find(w => w.Id == guid) : null;

    private static IResult Answer(SandboxAccount account, SandboxWatchlist list) => Results.Json(SandboxWatchlistWire.With(account, list), SandboxJson.Options);

    private static IResult NotFound() => AlpacaError.Result(404, AlpacaError.NotFound, "watchlist not found");

    private static IResult Locked(HttpContext http, Func<SandboxAccount, IResult> action)
    {
        var account = SandboxCaller.Of(http).Account;
        lock (account.Sync)
        {
            return action(account);
        }
    }

    private static async Task<WatchlistBody?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<WatchlistBody>(http.Request.Body, SandboxJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record WatchlistBody(string? Name, List<string>? Symbols, string? Symbol);
}
