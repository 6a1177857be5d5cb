using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// Where the token handler gets and keeps a connection's tokens. Implemented by the Connections feature (database and
/// Data Protection). Register it as a singleton (use <c>IDbContextFactory</c>): handlers outlive requests.
/// </summary>
internal interface IAlpacaCredentialStore
{
    /// <summary>
    /// The connection's current tokens, or null when it has none usable (unknown, disconnected, or marked as needing
    /// re-authorization): then no request is sent and the caller gets <see cref="AlpacaReauthRequiredException"/>.
    /// </summary>
    Task<AlpacaCredential?> GetAsync(Guid connectionId, CancellationToken cancellationToken);

    /// <summary>Replaces the connection's tokens after a refresh (the set keeps the old refresh token if none was issued).</summary>
    Task SaveRefreshedAsync(Guid connectionId, AlpacaTokenSet tokens, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the connection REAUTH_REQUIRED if it still holds <paramref name="refusedAccessToken"/> (a call still in
    /// flight from before a reconnect must not condemn the new token). Returns true only for the call that made the
    /// transition, so the change is announced once however many calls saw the 401.
    /// </summary>
    Task<bool> MarkReauthRequiredAsync(Guid connectionId, string refusedAccessToken, CancellationToken cancellationToken);

    /// <summary>
    /// Held, by every server instance that shares the store, while one refreshes the connection's token: the others wait,
    /// then read the refreshed token instead of spending the refresh token a second time. Release by disposing.
    /// </summary>
    Task<IAsyncDisposable> HoldRefreshAsync(Guid connectionId, CancellationToken cancellationToken);
}
