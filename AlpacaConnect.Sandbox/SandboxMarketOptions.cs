using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Sandbox;

/// <summary>Matching engine, price feed and market hours (section <c>Sandbox:Market</c>).</summary>
public sealed class SandboxMarketOptions
{
    /// <summary><c>AlwaysOpen</c> (default) or <c>Nyse</c>: regular hours 9:30–16:00 America/New_York on
    /// weekdays except <see cref="Holidays"/>. Orders placed while closed are <c>accepted</c> and work at the open.</summary>
    public SandboxMarketHours Hours { get; set; } = SandboxMarketHours.AlwaysOpen;

    /// <summary>Exchange holidays (dates in New York) for <c>Nyse</c> hours, e.g. <c>2026-12-25</c>.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Days the market closes at 13:00 New York time (e.g. <c>2026-11-27</c>, the day after Thanksgiving); in
    /// <c>Nyse</c> hours and in <c>GET /v2/calendar</c>.</summary>
    public List<DateOnly> EarlyCloses { get; set; } = [];

    /// <summary>Time between an order becoming workable and its earliest fill.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FillDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the matching engine works open orders (on the injected TimeProvider).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Chance that an eligible fill is a random-size partial fill. Alpaca's paper simulator does
    /// this 10% of the time; the default 0 keeps runs simple to reason about.</summary>
    [Range(0.0, 1.0)]
    public double PartialFillProbability { get; set; }

    /// <summary>Random-walk step as a fraction of the price, per tick (0.001 = 0.1%).</summary>
    [Range(0.0, 0.5)]
    public double RandomWalkStep { get; set; } = 0.001;

    /// <summary>When set, every symbol takes one random-walk step per interval. Unset (default): prices move
    /// only by explicit ticks or <c>SetPrice</c>, so tests control them exactly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan? RandomWalkInterval { get; set; }
}

/// <summary>When the simulated market is open.</summary>
public enum SandboxMarketHours
{
    /// <summary>Always open: every order works immediately.</summary>
    AlwaysOpen,

    /// <summary>NYSE regular hours on weekdays, minus configured holidays.</summary>
    Nyse,
}
