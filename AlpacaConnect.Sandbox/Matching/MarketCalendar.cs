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
            local.TimeOfDay >= OpenTime && local.TimeOfDay < CloseTime;
    }

    /// <summary>The first session open strictly after <paramref name="at"/>.</summary>
    /// <summary>Whether <paramref name="asset"/> trades now: crypto always (24/7), everything else in market hours.</summary>
    public bool IsOpenFor(SandboxAsset asset, DateTimeOffset at) => asset.TradesAroundTheClock || IsOpen(at);

    public DateTimeOffset NextOpen(DateTimeOffset at) => Next(at, OpenTime);

    /// <summary>The close of the current session, or of the next one when closed.</summary>
    public DateTimeOffset NextClose(DateTimeOffset at) => Next(at, CloseTime);

    public static DateTimeOffset ToNewYork(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, NewYork);

    private bool IsTradingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Market.Holidays.Contains(day);

    private DateTimeOffset Next(DateTimeOffset at, TimeSpan timeOfDay)
    {
        var day = DateOnly.FromDateTime(ToNewYork(at).DateTime);
        for (var i = 0; i < 30; i++, day = day.AddDays(1))
        {
            if (!IsTradingDay(day) && !IsAlwaysOpen)
            {
                continue;
            }

            var local = day.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay));
            var candidate = new DateTimeOffset(local, NewYork.GetUtcOffset(local));
            if (candidate > at)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No trading day within 30 days; check Sandbox:Market:Holidays.");
    }
}
