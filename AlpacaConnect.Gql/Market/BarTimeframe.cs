namespace AlpacaConnect.Gql.Market;

/// <summary>A bar length the API offers, with Alpaca's word for it (facts-more 4.5: <c>[1-59]Min</c>, <c>[1-23]Hour</c>, <c>1Day</c>, <c>1Week</c>).</summary>
internal sealed record BarTimeframe(string Name, string Wire, TimeSpan Length)
{
    public static IReadOnlyList<BarTimeframe> All { get; } =
    [
        new("ONE_MINUTE", "1Min", TimeSpan.FromMinutes(1)),
        new("FIVE_MINUTES", "5Min", TimeSpan.FromMinutes(5)),
        new("FIFTEEN_MINUTES", "15Min", TimeSpan.FromMinutes(15)),
        new("THIRTY_MINUTES", "30Min", TimeSpan.FromMinutes(30)),
        new("ONE_HOUR", "1Hour", TimeSpan.FromHours(1)),
        new("FOUR_HOURS", "4Hour", TimeSpan.FromHours(4)),
        new("ONE_DAY", "1Day", TimeSpan.FromDays(1)),
        new("ONE_WEEK", "1Week", TimeSpan.FromDays(7)),
    ];

    public bool IsIntraday => Length < TimeSpan.FromDays(1);
}
