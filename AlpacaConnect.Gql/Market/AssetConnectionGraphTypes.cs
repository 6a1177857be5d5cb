using AlpacaConnect.Gql.Alpaca.Models;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace AlpacaConnect.Gql.Market;

internal sealed class AssetConnectionGraphType : ObjectGraphType<Connection<AlpacaAsset>>
{
    public AssetConnectionGraphType()
    {
        Name = "AssetConnection";
        Description = "A page of a ticker search, best match first (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many active assets match, on all pages.").Resolve(c => c.Source.TotalCount);
    }
}

internal sealed class AssetEdgeGraphType : ObjectGraphType<Edge<AlpacaAsset>>
{
    public AssetEdgeGraphType()
    {
        Name = "AssetEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass as `after` with the same `search` to continue after this asset. Opaque.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<AssetType>>("node").Resolve(c => c.Source.Node);
    }
}
