using GraphQL.Types;

namespace AlpacaConnect.Gql.Trading;

internal sealed class AssetClassGraphType : EnumerationGraphType<AssetClass>
{
    public AssetClassGraphType()
    {
        Name = "AssetClass";
        Description = "Alpaca's asset class; UNKNOWN for a value this server does not know yet.";
    }
}
