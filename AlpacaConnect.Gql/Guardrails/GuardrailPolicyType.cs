using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Trading;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Guardrails;

internal sealed class GuardrailPolicyType : ObjectGraphType<GuardrailOptions>
{
    public GuardrailPolicyType()
    {
        Name = "GuardrailPolicy";
        Description = "The limits every order is checked against before it reaches Alpaca, for the app to show before the user types. Values in USD.";
        Field<NonNullGraphType<DecimalStringGraphType>>("maxNotionalPerOrder").Description("Largest estimated value of one order.").Resolve(c => c.Source.MaxNotionalPerOrder);
        Field<NonNullGraphType<DecimalStringGraphType>>("maxQuantityPerOrder").Description("Largest quantity of one order, in shares.").Resolve(c => c.Source.MaxQuantityPerOrder);
        Field<NonNullGraphType<IntGraphType>>("maxOrdersPerDay").Description("Most orders per trading day (New York).").Resolve(c => c.Source.MaxOrdersPerDay);
        Field<NonNullGraphType<DecimalStringGraphType>>("maxDailyNotional").Description("Largest total estimated value per trading day.").Resolve(c => c.Source.MaxDailyNotional);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowedSymbols")
            .Description("When not empty, only these symbols may be traded.").Resolve(c => c.Source.AllowedSymbols);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("deniedSymbols")
            .Description("Symbols that may never be traded.").Resolve(c => c.Source.DeniedSymbols);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderTypeGraphType>>>>("allowedOrderTypes").Resolve(c => c.Source.AllowedOrderTypes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimeInForceGraphType>>>>("allowedTimeInForce").Resolve(c => c.Source.AllowedTimeInForce);
        Field<NonNullGraphType<DecimalStringGraphType>>("limitPriceCollarPercent")
            .Description("How far, in percent, a limit price may sit on the wrong side of the latest quote.").Resolve(c => c.Source.LimitPriceCollarPercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssetClassGraphType>>>>("allowedAssetClasses")
            .Description("Asset classes orders may be placed in; others are refused with ASSET_CLASS_NOT_ALLOWED.").Resolve(c => c.Source.AllowedAssetClasses);
        Field<NonNullGraphType<BooleanGraphType>>("liveTradingAllowed").Description("Whether orders may be placed on LIVE (real-money) connections.").Resolve(c => c.Source.AllowLiveTrading);
        Field<NonNullGraphType<MarketHoursPolicyGraphType>>("marketHours").Resolve(c => c.Source.MarketHours);
    }
}

internal sealed class MarketHoursPolicyGraphType : EnumerationGraphType<MarketHoursPolicy>
{
    public MarketHoursPolicyGraphType()
    {
        Name = "MarketHoursPolicy";
        Description = "When orders may be placed: ALWAYS, MARKET_ORDERS_WHILE_OPEN, or WHILE_OPEN (judged by Alpaca's clock).";
    }
}
