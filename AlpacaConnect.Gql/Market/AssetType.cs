using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Market;

internal sealed class AssetType : ObjectGraphType<AlpacaAsset>
{
    public AssetType()
    {
        Name = "Asset";
        Description = "An instrument as Alpaca lists it (facts-more 3.3), for the order ticket. The same for every account of an environment.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Alpaca's asset id (an option contract's id for options): stable, so client caches merge assets.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("symbol").Description("As orders take it: AAPL, BTC/USD, or an OCC option symbol.").Resolve(c => c.Source.Symbol);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<AssetClassGraphType>>("assetClass").Resolve(c => AssetClasses.Parse(c.Source.AssetClass));
        Field<StringGraphType>("exchange").Description("NASDAQ, NYSE, ARCA, CRYPTO, …; an open set, passed on as Alpaca sends it.").Resolve(c => c.Source.Exchange);
        Field<NonNullGraphType<AssetStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("tradable").Description("False: data only, orders are refused.").Resolve(c => c.Source.Tradable);
        Field<NonNullGraphType<BooleanGraphType>>("fractionable").Description("Whether fractional quantities and notional (dollar) orders are accepted.")
            .Resolve(c => c.Source.Fractionable);
        Field<NonNullGraphType<BooleanGraphType>>("shortable").Resolve(c => c.Source.Shortable);
        Field<NonNullGraphType<BooleanGraphType>>("easyToBorrow")
            .Description("Alpaca deprecated easy_to_borrow in favour of borrow_status (sunset 2026-09-22); true when either says so.")
            .Resolve(c => c.Source.BorrowStatus is { } status ? status == "easy_to_borrow" : c.Source.EasyToBorrow);
        Field<NonNullGraphType<BooleanGraphType>>("marginable").Resolve(c => c.Source.Marginable);
        Field<DecimalStringGraphType>("minOrderSize").Description("Crypto: the smallest quantity an order may have; null for stocks.").Resolve(c => c.Source.MinOrderSize);
        Field<DecimalStringGraphType>("minTradeIncrement").Description("Crypto: quantities are whole multiples of it; null for stocks.").Resolve(c => c.Source.MinTradeIncrement);
        Field<DecimalStringGraphType>("priceIncrement").Description("Limit and stop prices are whole multiples of it, when Alpaca says (crypto); null otherwise.")
            .Resolve(c => c.Source.PriceIncrement);
    }
}

internal sealed class AssetStatusGraphType : EnumerationGraphType<AlpacaAssetStatus>
{
    public AssetStatusGraphType()
    {
        Name = "AssetStatus";
        Description = "ACTIVE or INACTIVE (delisted); UNKNOWN for a value this server does not know yet.";
    }
}
