namespace AlpacaConnect.Sandbox.Activities;

/// <summary>
/// A cash or corporate-action activity (dividend, deposit, journal, fee, split, …) as Alpaca's non-trade activity tells
/// it (facts-more 2). <see cref="NetAmount"/> is signed and moves the account's cash when recorded.
/// </summary>
public sealed record SandboxNonTradeActivity(
    string Id, string ActivityType, string? ActivitySubType, DateOnly Date, DateTimeOffset CreatedAt, decimal NetAmount,
    string? Symbol, decimal? Qty, decimal? PerShareAmount, string Description);
