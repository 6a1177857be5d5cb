using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// A push channel's backoff (<c>Notifications:&lt;Channel&gt;:Retry</c>): exponential from <see cref="BaseDelay"/>, capped
/// at <see cref="MaxDelay"/>, with random jitter per row so retries of many rows do not arrive together (FCM asks for
/// it, facts 2.3); after <see cref="MaxAttempts"/> failed attempts the row is given up.
/// </summary>
internal sealed class PushRetryOptions
{
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>The backoff every push sender uses; "full jitter" between half and all of the exponential step.</summary>
internal static class PushBackoff
{
    public static TimeSpan? Delay(PushRetryOptions options, int failedAttempts, Random random)
    {
        if (failedAttempts >= options.MaxAttempts)
        {
            return null;
        }

        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var step = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step * (0.5 + (random.NextDouble() / 2)));
    }

    /// <summary>A <c>Retry-After</c> header as a delay: seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
