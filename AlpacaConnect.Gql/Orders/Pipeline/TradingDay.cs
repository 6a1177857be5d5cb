using System.Globalization;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>The trading day the daily limits count: the date in New York.</summary>
internal static class TradingDay
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string Of(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, NewYork).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
