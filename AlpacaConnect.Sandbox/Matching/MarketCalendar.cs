using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Matching;

/// <summary>
/// Market hours: always open (default), or NYSE regular hours 9:30–16:00 America/New_York on weekdays
/// except configured holidays. Session times are in New York time, with its UTC offset.
/// </summary>
public sealed class MarketCalendar(IOptions<SandboxOptions> options)
{
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly TimeSpan OpenTime = new(9, 30, 0);
    private static readonly TimeSpan CloseTime = new(16, 0, 0);
    private static readonly TimeSpan EarlyCloseTime = new(13, 0, 0);

    private SandboxMarketOptions Market => options.Value.Market;

    public bool IsAlwaysOpen => Market.Hours == SandboxMarketHours.AlwaysOpen;

    public bool IsOpen(DateTimeOffset at)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var local = ToNewYork(at);
        return IsTradingDay(DateOnly.FromDateTime(local.DateTime)) &&
            local.TimeOfDay >= OpenTime && local.TimeOfDay < CloseOf(DateOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The first session open strictly after <paramref name="at"/>.</summary>
    /// <summary>Whether <paramref name="asset"/> trades now: crypto always (24/7), everything else in market hours.</summary>
    public bool IsOpenFor(SandboxAsset asset, DateTimeOffset at) => asset.TradesAroundTheClock || IsOpen(at);

    public DateTimeOffset NextOpen(DateTimeOffset at) => Next(at, _ => OpenTime);

    /// <summary>The close of the current session, or of the next one when closed.</summary>
    public DateTimeOffset NextClose(DateTimeOffset at) => Next(at, CloseOf);

    /// <summary>The regular session's open, New York time.</summary>
    public static TimeSpan OpenOf => OpenTime;

    /// <summary>The regular session's close on <paramref name="day"/>, New York time: 13:00 on a configured early close.</summary>
    public TimeSpan CloseOf(DateOnly day) => Market.EarlyCloses.Contains(day) ? EarlyCloseTime : CloseTime;

    /// <summary>The instant of <paramref name="timeOfDay"/> on <paramref name="day"/> in New York.</summary>
    public static DateTimeOffset At(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay));
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    public static DateTimeOffset ToNewYork(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, NewYork);

    /// <summary>A weekday that is not a configured holiday (the exchange's calendar, whatever <see cref="SandboxMarketOptions.Hours"/> says).</summary>
    public bool IsTradingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Market.Holidays.Contains(day);

    private DateTimeOffset Next(DateTimeOffset at, Func<DateOnly, TimeSpan> timeOfDay)
    {
        var day = DateOnly.FromDateTime(ToNewYork(at).DateTime);
        for (var i = 0; i < 30; i++, day = day.AddDays(1))
        {
            if (!IsTradingDay(day) && !IsAlwaysOpen)
            {
                continue;
            }

            var candidate = At(day, timeOfDay(day));
            if (candidate > at)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No trading day within 30 days; check Sandbox:Market:Holidays.");
    }
}
