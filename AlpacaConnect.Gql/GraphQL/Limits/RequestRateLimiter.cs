using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using AlpacaConnect.Gql.Identity;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>
/// The per-user and per-IP token buckets of <see cref="RequestRateOptions"/>, chained: a request must get a permit
/// from both. Partitions that stay idle are dropped by the partitioned limiter itself, so memory follows the active
/// callers, not every address ever seen.
/// </summary>
internal sealed class RequestRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<RateKey> _limiter;

    public RequestRateLimiter(IOptions<RequestRateOptions> options)
    {
        var settings = options.Value;
        var perUser = PartitionedRateLimiter.Create<RateKey, string>(key => key.UserId is { } user
            ? RateLimitPartition.GetTokenBucketLimiter(user, _ => Bucket(settings.PerUserBurst, settings.PerUserPerPeriod, settings.Period))
            : RateLimitPartition.GetNoLimiter(""));
        var perIp = PartitionedRateLimiter.Create<RateKey, string>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key.Ip, _ => Bucket(settings.PerIpBurst, settings.PerIpPerPeriod, settings.Period)));
        _limiter = PartitionedRateLimiter.CreateChained(perUser, perIp);
    }

    /// <summary>Null when the request may go on; otherwise how long the caller should wait before trying again.</summary>
    public TimeSpan? TryAcquire(ClaimsPrincipal? user, IPAddress? ip)
    {
        using var lease = _limiter.AttemptAcquire(new RateKey(AppUser.IdOf(user), ip?.ToString() ?? "unknown"));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// Not auto-replenished: the partitioned limiter refills all its buckets from one timer of its own, where
    /// auto-replenishment would start a timer per bucket, that is per user and per address.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(int burst, int perPeriod, TimeSpan period) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = false,
    };

    private readonly record struct RateKey(string? UserId, string Ip);
}
