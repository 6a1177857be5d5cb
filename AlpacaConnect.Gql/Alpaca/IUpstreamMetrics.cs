namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// What the Alpaca boundary reports about its own calls. Recorded by Observability, which depends on this part; the
/// boundary itself depends on no feature, so it names the facts and leaves the instruments to the observer.
/// </summary>
internal interface IUpstreamMetrics
{
    /// <summary><paramref name="route"/> is the route template (<c>/v2/orders/{orderId}</c>), never the filled path.</summary>
    void UpstreamRequest(string api, string method, string route, int? status, TimeSpan duration);

    /// <summary>Alpaca's <c>X-Ratelimit-Remaining</c> for one connection, until <paramref name="resetsAt"/>.</summary>
    void RateLimitRemaining(string api, Guid connectionId, int remaining, DateTimeOffset? resetsAt);

    /// <summary>A refresh of an expiring token ended: <c>success</c>, <c>refused</c> or <c>failed</c>.</summary>
    void TokenRefreshed(string outcome);
}
