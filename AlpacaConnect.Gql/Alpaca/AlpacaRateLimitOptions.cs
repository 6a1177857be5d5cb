using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Alpaca;

/// <summary>
/// Client-side budget of calls per connected account (configuration section <c>Alpaca:RateLimit</c>). Alpaca allows
/// 200 requests a minute; staying a little under it leaves room for clock skew between our window and theirs.
/// Trading and market-data calls have separate budgets. Every attempt counts, retries included.
/// </summary>
internal sealed class AlpacaRateLimitOptions
{
    public const string Section = "Alpaca:RateLimit";

    /// <summary>Calls allowed per account in any <see cref="Window"/>.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 190;

    /// <summary>The sliding window the limit applies to.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longest a call waits for budget. A call that would have to wait longer fails at once with a rate-limited error
    /// carrying when to retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(2);
}
