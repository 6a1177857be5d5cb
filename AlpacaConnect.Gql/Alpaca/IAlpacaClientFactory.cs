namespace AlpacaConnect.Gql.Alpaca;

/// <summary>Gives the Trading API client of one stored connection. Cheap; get one per operation.</summary>
internal interface IAlpacaClientFactory
{
    /// <summary>
    /// A client calling the connection's environment host with its tokens. A live connection throws
    /// <see cref="AlpacaErrorKind.EnvironmentNotAllowed"/> unless <c>Alpaca:AllowLive</c>.
    /// </summary>
    IAlpacaTradingClient ForConnection(AlpacaConnectionRef connection);

    /// <summary>The account screens' client (history, activities, calendar, watchlists) of the connection, same rules.</summary>
    IAlpacaAccountClient AccountFor(AlpacaConnectionRef connection);
}
