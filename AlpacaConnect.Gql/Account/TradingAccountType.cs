using AlpacaConnect.Gql.Alpaca.Models;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Scalars;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Account;

internal sealed class TradingAccountType : ObjectGraphType<TradingAccount>
{
    public TradingAccountType()
    {
        Name = "TradingAccount";
        Description = "The caller's Alpaca brokerage account, read live from Alpaca (reused for a few seconds). Money in `currency`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Alpaca's account id.").Resolve(c => c.Source.Alpaca.Id);
        Field<NonNullGraphType<StringGraphType>>("accountNumber").Resolve(c => c.Source.Alpaca.AccountNumber);
        Field<NonNullGraphType<AccountStatusGraphType>>("status").Resolve(c => c.Source.Alpaca.Status);
        Field<NonNullGraphType<AlpacaEnvironmentGraphType>>("environment").Resolve(c => c.Source.Environment);
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217, e.g. USD.").Resolve(c => c.Source.Alpaca.Currency);
        Money("cash", a => a.Cash, "Settled and unsettled cash.");
        Money("buyingPower", a => a.BuyingPower, "What Alpaca lets the account spend on new orders now.");
        Money("regtBuyingPower", a => a.RegtBuyingPower, "Reg T (overnight) buying power.");
        Money("nonMarginableBuyingPower", a => a.NonMarginableBuyingPower, "Buying power for securities that cannot be bought on margin.");
        Money("equity", a => a.Equity, "Cash plus the market value of all positions.");
        Money("lastEquity", a => a.LastEquity, "Equity at the previous trading day's close.");
        Money("longMarketValue", a => a.LongMarketValue, "Market value of long positions.");
        Money("shortMarketValue", a => a.ShortMarketValue, "Market value of short positions (negative or zero).");
        Money("multiplier", a => a.Multiplier, "Buying-power multiplier: 1 (cash account), 2 (margin) or 4 (pattern day trader).");
        Flag("tradingBlocked", a => a.TradingBlocked, "When true the account may not place orders.");
        Flag("accountBlocked", a => a.AccountBlocked, "When true all account activity is prohibited.");
        Flag("tradeSuspendedByUser", a => a.TradeSuspendedByUser, "The user suspended trading in their Alpaca settings; orders are refused.");
        Flag("transfersBlocked", a => a.TransfersBlocked, "When true money may not be moved in or out.");
        Flag("shortingEnabled", a => a.ShortingEnabled, "Whether the account may sell short.");
        Field<BooleanGraphType>("patternDayTrader")
            .Description("Alpaca's pattern-day-trader flag; null when Alpaca no longer sends it.")
            .DeprecationReason("Alpaca stopped sending pattern_day_trader on 2026-07-06 (FINRA's intraday margin rule replaced the PDT rule); always null against current Alpaca.")
            .Resolve(c => c.Source.Alpaca.PatternDayTrader);
    }

    private void Money(string name, Func<AlpacaAccount, decimal> value, string description) =>
        Field<NonNullGraphType<DecimalStringGraphType>>(name).Description(description).Resolve(c => value(c.Source.Alpaca));

    private void Money(string name, Func<AlpacaAccount, decimal?> value, string description) =>
        Field<DecimalStringGraphType>(name).Description(description).Resolve(c => value(c.Source.Alpaca));

    private void Flag(string name, Func<AlpacaAccount, bool> value, string description) =>
        Field<NonNullGraphType<BooleanGraphType>>(name).Description(description).Resolve(c => value(c.Source.Alpaca));
}
