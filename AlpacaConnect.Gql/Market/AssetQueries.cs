using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Trading.Assets;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace AlpacaConnect.Gql.Market;

/// <summary>The order ticket's asset facts and ticker search, read through the caller's connection (trading host, trading budget).</summary>
internal sealed class AssetQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<AssetType>("asset")
            .Description("What Alpaca lists for a symbol (stock, crypto pair, or OCC option contract), or null when it lists none: "
                + "an unknown symbol is an answer for a ticket, not a failure. Shares the order checks' asset cache.")
            .Argument<NonNullGraphType<StringGraphType>>("symbol", "e.g. AAPL, BTC/USD, AAPL270115C00200000.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var symbol = MarketLimits.Symbol(context.GetArgument<string>("symbol"), "symbol", marketData: false);
                var services = context.RequestServices!;
                var client = await CallerClient.ClientAsync(context);
                var listed = await services.GetRequiredService<AssetDirectory>().FindListingAsync(client, symbol, context.CancellationToken);
                return listed?.Listing;
            });

        root.Field<NonNullGraphType<AssetConnectionGraphType>>("assets")
            .Description($"Active assets matching a ticker search box: the exact symbol first, then symbols starting with `search`, then "
                + $"names with a word starting with it. From Alpaca's asset list, read once a day per environment. Pages of `first` "
                + $"(default {MarketLimits.DefaultSearchPage}, at most {MarketLimits.MaxSearchPage}); `search` is 1 to {MarketLimits.MaxSearchLength} characters.")
            .Argument<NonNullGraphType<StringGraphType>>("search")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after", "An `endCursor` returned for the same `search`.")
            .RequireAuthentication()
            .ResolveAsync(async context =>
            {
                var search = MarketLimits.Search(context.GetArgument<string>("search"));
                var first = MarketLimits.First(context.GetArgument<int?>("first"), MarketLimits.DefaultSearchPage, MarketLimits.MaxSearchPage);
                var offset = context.GetArgument<string?>("after") is { } after ? AssetCursor.Decode(after, search) : 0;
                var client = await CallerClient.ClientAsync(context);
                var index = await context.RequestServices!.GetRequiredService<AssetListCache>().GetAsync(client, context.CancellationToken);
                return Page(index.Search(search), search, offset, first);
            });
    }

    private static Connection<AlpacaAsset> Page(IReadOnlyList<AlpacaAsset> matches, string search, int offset, int first)
    {
        var edges = matches.Skip(offset).Take(first)
            .Select((asset, i) => new Edge<AlpacaAsset> { Cursor = AssetCursor.Encode(offset + i, search), Node = asset })
            .ToList();
        return new Connection<AlpacaAsset>
        {
            Edges = edges,
            TotalCount = matches.Count,
            PageInfo = new PageInfo
            {
                HasNextPage = offset + edges.Count < matches.Count,
                HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
