using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Watchlists;

internal sealed class WatchlistGraphType : ObjectGraphType<Watchlist>
{
    public WatchlistGraphType()
    {
        Name = "Watchlist";
        Description = "One of the account's watchlists at Alpaca.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Alpaca's watchlist id.").Resolve(c => c.Source.Alpaca.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Alpaca.Name);
        Field<DateTimeOffsetGraphType>("createdAt").Resolve(c => c.Source.Alpaca.CreatedAt);
        Field<DateTimeOffsetGraphType>("updatedAt").Resolve(c => c.Source.Alpaca.UpdatedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WatchlistAssetGraphType>>>>("assets")
            .Description("In the order they were added. Alpaca's list of watchlists leaves these out, so asking for them on `watchlists` costs one more Alpaca call per list.")
            .ResolveAsync(async c => c.Source.Alpaca.Assets
                ?? (await c.RequestServices!.GetRequiredService<IAlpacaClientFactory>().AccountFor(c.Source.Connection)
                    .GetWatchlistAsync(c.Source.Alpaca.Id, c.CancellationToken)).Assets
                ?? []);
    }
}

internal sealed class WatchlistAssetGraphType : ObjectGraphType<AlpacaAsset>
{
    public WatchlistAssetGraphType()
    {
        Name = "WatchlistAsset";
        Description = "An asset on a watchlist, as Alpaca lists it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Alpaca's asset id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("symbol").Resolve(c => c.Source.Symbol);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<AssetClassGraphType>>("assetClass").Resolve(c => AssetClasses.Parse(c.Source.AssetClass));
        Field<StringGraphType>("exchange").Resolve(c => c.Source.Exchange);
        Field<BooleanGraphType>("tradable").Resolve(c => c.Source.Tradable);
        Field<BooleanGraphType>("fractionable").Resolve(c => c.Source.Fractionable);
    }
}
