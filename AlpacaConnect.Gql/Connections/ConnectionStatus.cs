namespace AlpacaConnect.Gql.Connections;

/// <summary>Where a user's link to Alpaca stands.</summary>
internal enum ConnectionStatus
{
    /// <summary>No usable link: never connected, or disconnected (tokens deleted).</summary>
    NotConnected,

    /// <summary>Linked, with a token that worked last time it was used.</summary>
    Connected,

    /// <summary>Alpaca refused the token (revoked or expired): the user must connect again.</summary>
    ReauthRequired,
}
