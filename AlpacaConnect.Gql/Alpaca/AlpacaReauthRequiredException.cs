namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// The connection can no longer call Alpaca (its token was refused with 401, its refresh was refused, or it has no
/// usable token). The connection has been marked as needing re-authorization; nothing retries this.
/// </summary>
internal sealed class AlpacaReauthRequiredException(string message, Exception? innerException = null)
    : AlpacaApiException(AlpacaErrorKind.ReauthRequired, message, innerException);
