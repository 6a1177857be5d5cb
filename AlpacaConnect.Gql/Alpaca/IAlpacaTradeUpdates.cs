namespace AlpacaConnect.Gql.Alpaca;

/// <summary>Alpaca's <c>trade_updates</c> WebSocket (facts 4) for one connection, authenticated with its OAuth token.</summary>
internal interface IAlpacaTradeUpdates
{
    /// <summary>
    /// Connects, authenticates and listens; returns once Alpaca acknowledged the listen, so every event after that
    /// moment arrives on the stream. An unauthorized answer marks the connection REAUTH_REQUIRED and throws
    /// <see cref="AlpacaReauthRequiredException"/>; any other failure is an <see cref="AlpacaApiException"/> or a
    /// <see cref="System.Net.WebSockets.WebSocketException"/> worth retrying later.
    /// </summary>
    Task<IAlpacaTradeUpdateSocket> OpenAsync(AlpacaConnectionRef connection, CancellationToken cancellationToken);
}

/// <summary>An open, listening trade_updates socket. Disposing it closes the socket.</summary>
internal interface IAlpacaTradeUpdateSocket : IAsyncDisposable
{
    /// <summary>The updates in the order Alpaca sent them, until the socket closes (normally or not).</summary>
    IAsyncEnumerable<AlpacaTradeUpdate> ReadAllAsync(CancellationToken cancellationToken);
}
