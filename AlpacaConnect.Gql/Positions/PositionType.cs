using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Positions;

internal sealed class PositionType : ObjectGraphType<HeldPosition>
{
    public PositionType()
    {
        Name = "Position";
        Description = "An open position, read live from Alpaca (reused for a few seconds). Money in the account's currency; *Plpc and changeToday are fractions (0.2 = 20%).";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable for this account and symbol, so normalised client caches (Apollo, urql) merge the same position across reads. Opaque.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("symbol").Resolve(c => c.Source.Alpaca.Symbol);
        Field<IdGraphType>("assetId").Resolve(c => c.Source.Alpaca.AssetId);
        Field<NonNullGraphType<AssetClassGraphType>>("assetClass").Resolve(c => AssetClasses.Parse(c.Source.Alpaca.AssetClass));
        Field<StringGraphType>("exchange").Resolve(c => c.Source.Alpaca.Exchange);
        Field<NonNullGraphType<PositionSideGraphType>>("side").Resolve(c => c.Source.Alpaca.Side);
        Field<NonNullGraphType<DecimalStringGraphType>>("qty").Description("Shares held (Alpaca may report shorts as negative).").Resolve(c => c.Source.Alpaca.Qty);
        Decimal("qtyAvailable", p => p.QtyAvailable, "Shares not held for open orders.");
        Field<NonNullGraphType<DecimalStringGraphType>>("avgEntryPrice").Resolve(c => c.Source.Alpaca.AvgEntryPrice);
        Decimal("marketValue", p => p.MarketValue, "qty × currentPrice.");
        Decimal("costBasis", p => p.CostBasis, "What the position cost.");
        Decimal("unrealizedPl", p => p.UnrealizedPl, "Profit or loss if closed now.");
        Decimal("unrealizedPlpc", p => p.UnrealizedPlpc, "unrealizedPl as a fraction of the cost basis.");
        Decimal("unrealizedIntradayPl", p => p.UnrealizedIntradayPl, "Profit or loss since the previous close.");
        Decimal("unrealizedIntradayPlpc", p => p.UnrealizedIntradayPlpc, "unrealizedIntradayPl as a fraction.");
        Decimal("currentPrice", p => p.CurrentPrice, "Latest price per share.");
        Decimal("lastdayPrice", p => p.LastdayPrice, "Price per share at the previous close.");
        Decimal("changeToday", p => p.ChangeToday, "Price change since the previous close, as a fraction.");
    }

    private void Decimal(string name, Func<AlpacaPosition, decimal?> value, string description) =>
        Field<DecimalStringGraphType>(name).Description(description).Resolve(c => value(c.Source.Alpaca));
}
