namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Sits inside the resilience handler so every attempt, retries included, spends the account's budget. When the budget
/// is spent the request is not sent and the caller gets an <see cref="AlpacaRateLimitedException"/>. So does a call made
/// under an <see cref="UpstreamAllowance"/> that is spent.
/// </summary>
internal sealed class AccountRateLimitHandler(IAccountRateLimiter limiter, string api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        UpstreamAllowance.Spend();
        await limiter.AcquireAsync(api, AlpacaRequestOptions.GetConnectionId(request), cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
