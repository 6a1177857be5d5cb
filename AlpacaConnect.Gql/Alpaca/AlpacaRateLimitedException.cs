namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// The account's call budget is spent: either our client-side limiter refused to send (the request never left), or
/// Alpaca answered 429. <see cref="AlpacaApiException.RetryAfter"/> says when to try again, when known.
/// </summary>
internal sealed class AlpacaRateLimitedException(string message)
    : AlpacaApiException(AlpacaErrorKind.RateLimited, message);
