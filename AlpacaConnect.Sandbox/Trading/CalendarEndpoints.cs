using System.Globalization;
using AlpacaConnect.Sandbox.Matching;
using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>
/// <c>GET /v2/calendar</c> (facts-more 6.1): the exchange's trading days between <c>start</c> and <c>end</c> (inclusive,
/// <c>YYYY-MM-DD</c>), 1970 to 2029 without them. <c>open</c>/<c>close</c> are <c>HH:MM</c> and account for early
/// closes; <c>session_open</c>/<c>session_close</c> are <c>HHMM</c>; settlement is the next trading day (T+1).
/// </summary>
internal static class CalendarEndpoints
{
    private static readonly DateOnly First = new(1970, 1, 1);
    private static readonly DateOnly Last = new(2029, 12, 31);

    public static void MapCalendar(this IEndpointRouteBuilder v2) => v2.MapGet("/calendar", Calendar);

    private static IResult Calendar(HttpContext http, MarketCalendar calendar)
    {
        var q = http.Request.Query;
        if (!TryDate(q["start"].FirstOrDefault(), First, out var start) || !TryDate(q["end"].FirstOrDefault(), Last, out var end))
        {
            return AlpacaError.Invalid("invalid date");
        }

        var days = new List<object>();
        for (var day = Max(start, First); day <= end && day <= Last; day = day.AddDays(1))
        {
            if (calendar.IsTradingDay(day))
            {
                days.Add(new
                {
                    date = Format(day),
                    open = Clock(MarketCalendar.OpenOf, "hh\\:mm"),
                    close = Clock(calendar.CloseOf(day), "hh\\:mm"),
                    session_open = "0400",
                    session_close = "2000",
                    settlement_date = Format(NextTradingDay(calendar, day)),
                });
            }
        }

        return Results.Json(days, SandboxJson.Options);
    }

    private static DateOnly NextTradingDay(MarketCalendar calendar, DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!calendar.IsTradingDay(day));
        return day;
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return text is null || DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clock(TimeSpan time, string format) => time.ToString(format, CultureInfo.InvariantCulture);
}
