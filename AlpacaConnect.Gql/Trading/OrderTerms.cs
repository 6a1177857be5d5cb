namespace AlpacaConnect.Gql.Trading;

// The order vocabulary of this API (GraphQL enums are built from these). Alpaca's own values are
// mapped in Alpaca/ and may grow; these only name what the app can ask for.

public enum OrderSide
{
    Buy,
    Sell,
}

public enum OrderType
{
    Market,
    Limit,
    Stop,
    StopLimit,
    TrailingStop,
}

public enum TimeInForce
{
    Day,
    Gtc,
    Opg,
    Cls,
    Ioc,
    Fok,
}

public enum OrderClass
{
    Simple,
    Bracket,
    Oco,
    Oto,
}
