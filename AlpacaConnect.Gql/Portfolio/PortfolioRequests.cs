using System.Globalization;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Portfolio;

/// <summary>
/// Checks the chart's and the calendar's arguments before any URL is built: a typed BAD_USER_INPUT, never Alpaca's 422.
/// The period is <c>&lt;n&gt;D|W|M|A</c> up to ten years; intraday spacings cover at most 30 days and a period over 30
/// days takes only <c>ONE_DAY</c> (facts-more 1). The calendar's range is at most <see cref="MaxCalendarDays"/>.
/// </summary>
internal static partial class PortfolioRequests
{
    public const int MaxCalendarDays = 366;

    public static (string Period, PortfolioTimeframe Timeframe) History(string? period, PortfolioTimeframe? timeframe)
    {
        period = (period ?? "1M").Trim().ToUpperInvariant();
        var match = Period().Match(period);
        if (!match.Success)
        {
            throw Bad("period must be a number and a unit: D (days), W (weeks), M (months) or A (years), e.g. 1D, 1W, 3M, 1A.");
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var days = n * match.Groups[2].Value switch { "D" => 1, "W" => 7, "M" => 30, _ => 365 };
        if (days > 3660)
        {
            throw Bad("period can cover at most ten years.");
        }

        // Alpaca's default for an omitted timeframe (facts-more 1), made explicit so the answer says which it is.
        var chosen = timeframe ?? (days < 7 ? PortfolioTimeframe.OneMinute : days < 30 ? PortfolioTimeframe.FifteenMinutes : PortfolioTimeframe.OneDay);
        if (chosen != PortfolioTimeframe.OneDay && days > 30)
        {
            throw Bad("An intraday timeframe covers at most 30 days; use ONE_DAY for a longer period.");
        }

        return (period, chosen);
    }

    public static (DateOnly Start, DateOnly End) Calendar(string start, string end)
    {
        if (!TryDate(start, out var from) || !TryDate(end, out var to))
        {
            throw Bad("start and end are dates, YYYY-MM-DD.");
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxCalendarDays)
        {
            throw Bad($"end must be on or after start, and the range at most {MaxCalendarDays} days.");
        }

        return (from, to);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static ApiException Bad(string message) => new(ErrorCodes.BadUserInput, message);

    [GeneratedRegex("^([1-9][0-9]{0,3})([DWMA])$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Period();
}
