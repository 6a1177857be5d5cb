using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Watchlists;

internal sealed class WatchlistMutations : IMutationFields
{
    private const string Needs = " Needs the connection's account:write scope (SCOPE_MISSING otherwise); nothing is sent when an input is refused.";

    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<CreateWatchlistPayloadType>>("createWatchlist")
            .Description("Creates a watchlist, optionally with symbols." + Needs)
            .Argument<NonNullGraphType<CreateWatchlistInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateWatchlistInput>("input");
                var symbols = (input.Symbols ?? []).Select(WatchlistRules.Normalize).Distinct().ToList();
                return (WatchlistRules.Name(input.Name) ?? WatchlistRules.Symbols(symbols)) is { } refused
                    ? WatchlistWrites.Failed(refused)
                    : await Writes(c).RunAsync(c, null, client => client.CreateWatchlistAsync(input.Name.Trim(), symbols, c.CancellationToken)!);
            });

        root.Field<NonNullGraphType<RenameWatchlistPayloadType>>("renameWatchlist")
            .Description("Renames a watchlist; its symbols stay." + Needs)
            .Argument<NonNullGraphType<RenameWatchlistInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RenameWatchlistInput>("input");
                return (WatchlistRules.Id(input.WatchlistId, out var id) ?? WatchlistRules.Name(input.Name)) is { } refused
                    ? WatchlistWrites.Failed(refused)
                    : await Writes(c).RunAsync(c, input.WatchlistId, async client =>
                    {
                        // Alpaca's PUT replaces the symbol list with what it is sent (facts-more 5): send the current one.
                        var current = await client.GetWatchlistAsync(id, c.CancellationToken);
                        var symbols = (current.Assets ?? []).Select(a => a.Symbol).ToList();
                        return await client.UpdateWatchlistAsync(id, input.Name.Trim(), symbols, c.CancellationToken);
                    });
            });

        root.Field<NonNullGraphType<DeleteWatchlistPayloadType>>("deleteWatchlist")
            .Description("Deletes a watchlist." + Needs)
            .Argument<NonNullGraphType<DeleteWatchlistInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DeleteWatchlistInput>("input");
                return WatchlistRules.Id(input.WatchlistId, out var id) is { } refused
                    ? WatchlistWrites.Failed(refused)
                    : await Writes(c).RunAsync(c, input.WatchlistId, async client =>
                    {
                        await client.DeleteWatchlistAsync(id, c.CancellationToken);
                        return null;
                    });
            });

        root.Field<NonNullGraphType<AddWatchlistSymbolPayloadType>>("addWatchlistSymbol")
            .Description("Appends a symbol to a watchlist." + Needs)
            .Argument<NonNullGraphType<AddWatchlistSymbolInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<WatchlistSymbolInput>("input");
                var symbol = WatchlistRules.Normalize(input.Symbol);
                return (WatchlistRules.Id(input.WatchlistId, out var id) ?? WatchlistRules.Symbol(symbol)) is { } refused
                    ? WatchlistWrites.Failed(refused)
                    : await Writes(c).RunAsync(c, input.WatchlistId, client => client.AddWatchlistSymbolAsync(id, symbol, c.CancellationToken)!);
            });

        root.Field<NonNullGraphType<RemoveWatchlistSymbolPayloadType>>("removeWatchlistSymbol")
            .Description("Removes a symbol from a watchlist." + Needs)
            .Argument<NonNullGraphType<RemoveWatchlistSymbolInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<WatchlistSymbolInput>("input");
                var symbol = WatchlistRules.Normalize(input.Symbol);
                return (WatchlistRules.Id(input.WatchlistId, out var id) ?? WatchlistRules.Symbol(symbol)) is { } refused
                    ? WatchlistWrites.Failed(refused)
                    : await Writes(c).RunAsync(c, input.WatchlistId, async client =>
                    {
                        // Alpaca answers 200 with the list or an empty body (facts-more 5): read it back either way.
                        await client.RemoveWatchlistSymbolAsync(id, symbol, c.CancellationToken);
                        return await client.GetWatchlistAsync(id, c.CancellationToken);
                    });
            });
    }

    private static WatchlistWrites Writes(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<WatchlistWrites>();
}
