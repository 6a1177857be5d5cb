namespace AlpacaConnect.Gql.Trading;

// The order vocabulary of this API (GraphQL enums are built from these). Alpaca's own values are
// mapped in Alpaca/ and may grow; these only name what the app can ask for.

internal enum OrderSide
{
    Buy,
    Sell,
}

internal enum OrderType
{
    Market,
    Limit,
    Stop,
    StopLimit,
    TrailingStop,
}

internal enum TimeInForce
{
    Day,
    Gtc,
    Opg,
    Cls,
    Ioc,
    Fok,
}

internal enum OrderClass
{
    Simple,
    Bracket,
    Oco,
    Oto,
}
