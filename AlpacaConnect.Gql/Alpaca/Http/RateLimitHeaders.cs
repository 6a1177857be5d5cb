using System.Globalization;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Alpaca's rate-limit headers: <c>X-Ratelimit-Reset</c> is a Unix epoch in seconds (facts 3.3). <c>Retry-After</c>
/// is not documented for Alpaca but honoured when present.
/// </summary>
internal static class RateLimitHeaders
{
    private const string Reset = "X-Ratelimit-Reset";

    /// <summary>How long until the account's budget resets, when the answer says so.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues(Reset, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            return NotNegative(DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - now);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => NotNegative(delta),
            { Date: { } date } => NotNegative(date - now),
            _ => null,
        };
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
