namespace AlpacaConnect.Gql.Alpaca;

/// <summary>What went wrong calling Alpaca, as far as a caller needs to decide what to do next.</summary>
internal enum AlpacaErrorKind
{
    /// <summary>Alpaca refused the request (400, 403, 422, ...): not retryable as it is. <see cref="AlpacaApiException.AlpacaCode"/> says why.</summary>
    Rejected,

    /// <summary>404: the order, position or asset does not exist.</summary>
    NotFound,

    /// <summary>The connection's token is revoked, expired or missing: the user must connect again.</summary>
    ReauthRequired,

    /// <summary>Too many calls for this account (our client-side budget, or Alpaca's 429).</summary>
    RateLimited,

    /// <summary>Alpaca is failing or unreachable (5xx, transport error, open circuit).</summary>
    Unavailable,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>A success status with a body that could not be read.</summary>
    InvalidResponse,

    /// <summary>The call is for an environment this server does not allow (live with <c>Alpaca:AllowLive=false</c>).</summary>
    EnvironmentNotAllowed,
}
