using System.Globalization;
using System.Text.RegularExpressions;
using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Portfolio;

/// <summary>
/// The points of a portfolio history query (facts-more 1): <c>period</c> <c>&lt;n&gt;D|W|M|A</c>, <c>timeframe</c>
/// <c>1Min|5Min|15Min|1H|1D</c> (defaulting by period), intraday spans of at most 30 days, and at most two of
/// <c>start</c>, <c>end</c>, <c>period</c>. Intraday points fall in the reporting window of trading days (regular hours,
/// 4:00–20:00 with <c>extended_hours</c>, every step with <c>continuous</c>); daily points are the trading days, stamped
/// at New York midnight and valued at that day's close.
/// </summary>
internal sealed partial record HistoryWindow(string Timeframe, IReadOnlyList<DateTimeOffset> Stamps, IReadOnlyList<DateTimeOffset> ValuedAt, bool Daily)
{
    public static HistoryWindow? Parse(IQueryCollection q, DateTimeOffset now, DateTimeOffset createdAt, MarketCalendar calendar, out string? error)
    {
        error = null;
        string? period = q["period"], timeframe = q["timeframe"], startText = q["start"], endText = q["end"];
        var reporting = q["intraday_reporting"].FirstOrDefault() ?? "market_hours";
        if (period is not null && startText is not null && endText is not null)
        {
            return Fail(out error, "only two of start, end and period may be given");
        }

        if (period is not null && !PeriodShape().IsMatch(period) || reporting is not ("market_hours" or "extended_hours" or "continuous")
            || !TryInstant(startText, out var start) || !TryInstant(endText, out var end))
        {
            return Fail(out error, "invalid parameter");
        }

        end ??= now;
        start ??= Minus(end.Value, period ?? "1M");
        var days = (end.Value - start.Value).TotalDays;
        timeframe ??= days < 7 ? "1Min" : days < 30 ? "15Min" : "1D";
        if (Step(timeframe) is not { } step)
        {
            return Fail(out error, "invalid timeframe");
        }

        if (timeframe != "1D" && days > 30)
        {
            return Fail(out error, "intraday timeframes can only be used for periods of up to 30 days");
        }

        var from = start.Value < createdAt ? createdAt : start.Value;
        return timeframe == "1D" ? DailyPoints(from, end.Value, now, calendar) : IntradayPoints(timeframe, step, from, end.Value, reporting, calendar);
    }

    private static HistoryWindow DailyPoints(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, MarketCalendar calendar)
    {
        var stamps = new List<DateTimeOffset>();
        var valued = new List<DateTimeOffset>();
        for (var day = Day(from); day <= Day(to); day = day.AddDays(1))
        {
            if (calendar.IsTradingDay(day) && MarketCalendar.At(day, TimeSpan.Zero) <= to)
            {
                stamps.Add(MarketCalendar.At(day, TimeSpan.Zero));
                var close = MarketCalendar.At(day, calendar.CloseOf(day));
                valued.Add(close < now ? close : now);
            }
        }

        return new HistoryWindow("1D", stamps, valued, Daily: true);
    }

    private static HistoryWindow IntradayPoints(string timeframe, TimeSpan step, DateTimeOffset from, DateTimeOffset to, string reporting, MarketCalendar calendar)
    {
        var stamps = new List<DateTimeOffset>();
        var first = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % step.Ticks), TimeSpan.Zero);
        for (var at = first; at <= to; at += step)
        {
            var local = MarketCalendar.ToNewYork(at);
            var day = DateOnly.FromDateTime(local.DateTime);
            var inWindow = reporting switch
            {
                "continuous" => true,
                "extended_hours" => calendar.IsTradingDay(day) && local.TimeOfDay >= TimeSpan.FromHours(4) && local.TimeOfDay < TimeSpan.FromHours(20),
                _ => calendar.IsTradingDay(day) && local.TimeOfDay >= MarketCalendar.OpenOf && local.TimeOfDay < calendar.CloseOf(day),
            };
            if (inWindow)
            {
                stamps.Add(at);
            }
        }

        return new HistoryWindow(timeframe, stamps, stamps, Daily: false);
    }

    private static TimeSpan? Step(string timeframe) => timeframe switch
    {
        "1Min" => TimeSpan.FromMinutes(1),
        "5Min" => TimeSpan.FromMinutes(5),
        "15Min" => TimeSpan.FromMinutes(15),
        "1H" => TimeSpan.FromHours(1),
        "1D" => TimeSpan.FromDays(1),
        _ => null,
    };

    private static DateTimeOffset Minus(DateTimeOffset end, string period)
    {
        var n = int.Parse(period[..^1], CultureInfo.InvariantCulture);
        return period[^1] switch
        {
            'D' => end.AddDays(-n),
            'W' => end.AddDays(-7 * n),
            'M' => end.AddMonths(-n),
            _ => end.AddYears(-n),
        };
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(MarketCalendar.ToNewYork(at).DateTime);

    private static bool TryInstant(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (text is null)
        {
            return true;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        at = parsed;
        return ok;
    }

    private static HistoryWindow? Fail(out string? error, string message)
    {
        error = message;
        return null;
    }

    [GeneratedRegex("^[1-9][0-9]{0,3}[DWMA]$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodShape();
}
