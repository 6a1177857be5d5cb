using System.Globalization;
using System.Text.RegularExpressions;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.MarketData;

/// <summary>
/// Bars made up from the catalog price, the same for every caller and every run: a bucket's open is the previous
/// bucket's close, prices stay within a few percent of the opening price and on the asset's tick. Buckets are labelled
/// with their left edge, to the second; daily bars at New York midnight in UTC (MD-SPEC-2026 and FAQ examples). Stocks have no bars on
/// New York weekends; crypto trades every day.
/// </summary>
internal static partial class SyntheticBars
{
    /// <summary>
    /// A bar length from Alpaca's <c>timeframe</c> words (MD-SPEC-2026: <c>[1-59]Min|T</c>, <c>[1-23]Hour|H</c>,
    /// <c>1Day|D</c>, <c>1Week|W</c>). Months are not simulated; they read as invalid here.
    /// </summary>
    public static TimeSpan? ParseTimeframe(string? value)
    {
        var match = value is null ? null : Timeframe().Match(value);
        if (match is not { Success: true } || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            return null;
        }

        return match.Groups["unit"].Value switch
        {
            "Min" or "T" when n <= 59 => TimeSpan.FromMinutes(n),
            "Hour" or "H" when n <= 23 => TimeSpan.FromHours(n),
            "Day" or "D" when n == 1 => TimeSpan.FromDays(1),
            "Week" or "W" when n == 1 => TimeSpan.FromDays(7),
            _ => null,
        };
    }

    /// <summary>The left edges of the buckets that start within [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public static IEnumerable<DateTimeOffset> Starts(SandboxAsset asset, TimeSpan length, DateTimeOffset from, DateTimeOffset to)
    {
        var at = length >= TimeSpan.FromDays(1) ? NewYorkMidnight(from, ceiling: true) : Ceiling(from, length);
        if (length == TimeSpan.FromDays(7))
        {
            while (MarketCalendar.ToNewYork(at).DayOfWeek != DayOfWeek.Monday)
            {
                at = NewYorkMidnight(at.AddHours(30), ceiling: false);
            }
        }

        for (; at <= to; at = length >= TimeSpan.FromDays(1) ? NewYorkMidnight(at + length + TimeSpan.FromHours(6), ceiling: false) : at + length)
        {
            if (asset.IsCrypto || length == TimeSpan.FromDays(7) || !IsWeekend(at))
            {
                yield return at;
            }
        }
    }

    /// <summary>One bar; <paramref name="close"/> overrides the close (the bar in progress ends at the last trade).</summary>
    public static Dictionary<string, object> Bar(SandboxAsset asset, DateTimeOffset start, TimeSpan length, decimal? close = null)
    {
        var k = Bucket(start, length);
        var seed = Seed(asset.Symbol);
        var open = Level(asset, k, seed);
        var last = close ?? Level(asset, k + 1, seed);
        var high = asset.RoundToTick(Math.Max(open, last) * 1.001m);
        var low = Math.Max(asset.RoundToTick(Math.Min(open, last) * 0.999m), asset.Tick(last));
        var volume = 100 + (Math.Abs((k * 7919) + seed) % 9000);
        return new Dictionary<string, object>
        {
            ["t"] = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["o"] = open, ["h"] = Math.Max(high, Math.Max(open, last)), ["l"] = Math.Min(low, Math.Min(open, last)),
            ["c"] = last, ["v"] = asset.IsCrypto ? volume / 1000m : volume, ["n"] = 1 + (volume / 50),
            ["vw"] = Math.Round((high + low + last) / 3m, 4, MidpointRounding.AwayFromZero),
        };
    }

    /// <summary>The daily bar of the New York day holding <paramref name="at"/>, or of the trading day before it.</summary>
    public static DateTimeOffset DayStart(SandboxAsset asset, DateTimeOffset at, int daysBack)
    {
        var day = NewYorkMidnight(at, ceiling: false);
        while (!asset.IsCrypto && IsWeekend(day))
        {
            day = NewYorkMidnight(day - TimeSpan.FromHours(18), ceiling: false);
        }

        for (var back = 0; back < daysBack;)
        {
            day = NewYorkMidnight(day - TimeSpan.FromHours(18), ceiling: false);
            if (asset.IsCrypto || !IsWeekend(day))
            {
                back++;
            }
        }

        return day;
    }

    public static DateTimeOffset MinuteStart(DateTimeOffset at) => Ceiling(at - TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1));

    private static decimal Level(SandboxAsset asset, long k, int seed)
    {
        var wave = (0.03 * Math.Sin((k * 0.21) + seed)) + (0.01 * Math.Sin((k * 1.7) + (seed * 3)));
        return Math.Max(asset.RoundToTick(asset.OpeningPrice * (1m + (decimal)wave)), asset.Tick(asset.OpeningPrice));
    }

    private static long Bucket(DateTimeOffset start, TimeSpan length) =>
        length >= TimeSpan.FromDays(1)
            ? (long)Math.Floor((MarketCalendar.ToNewYork(start).Date - DateTime.UnixEpoch).TotalDays / length.TotalDays)
            : start.ToUnixTimeSeconds() / (long)length.TotalSeconds;

    private static int Seed(string symbol) => symbol.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 0x7fff;

    private static bool IsWeekend(DateTimeOffset at) => MarketCalendar.ToNewYork(at).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTimeOffset Ceiling(DateTimeOffset at, TimeSpan length)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var rounded = (ticks + length.Ticks - 1) / length.Ticks * length.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(rounded);
    }

    /// <summary>New York midnight of the day holding <paramref name="at"/> (or of the next day when rounding up), in UTC.</summary>
    private static DateTimeOffset NewYorkMidnight(DateTimeOffset at, bool ceiling)
    {
        var local = MarketCalendar.ToNewYork(at);
        var date = local.Date;
        if (ceiling && local.TimeOfDay > TimeSpan.Zero)
        {
            date = date.AddDays(1);
        }

        return new DateTimeOffset(date, MarketCalendar.NewYork.GetUtcOffset(date)).ToUniversalTime();
    }

    [GeneratedRegex("^(?<n>[0-9]{1,2})(?<unit>Min|T|Hour|H|Day|D|Week|W)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Timeframe();
}
