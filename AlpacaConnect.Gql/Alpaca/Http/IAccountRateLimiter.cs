namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// The per-account budget of calls to Alpaca (<see cref="AlpacaRateLimitOptions"/>): returns once a call may be sent,
/// or throws <see cref="AlpacaRateLimitedException"/> (with when to retry) when it would wait longer than allowed.
/// In one process by default (<see cref="AccountRateLimiter"/>); shared by every instance when Redis is configured.
/// </summary>
internal interface IAccountRateLimiter
{
    ValueTask AcquireAsync(string api, Guid account, CancellationToken cancellationToken);
}
