using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Activities;

/// <summary>
/// Alpaca's non-trade activity (SPEC-2026 <c>NonTradeActivities</c> plus <c>description</c>, facts-more 2): amounts as
/// strings, <c>date</c> a plain date, <c>status</c> <c>executed</c>. Symbol, qty and per-share amount only where they apply.
/// </summary>
internal sealed record SandboxNonTradeActivityWire(
    string Id, string ActivityType, string? ActivitySubType, string Date, DateTimeOffset CreatedAt, string NetAmount,
    string? Symbol, string? Qty, string? PerShareAmount, string Currency, string Status, string Description)
{
    public static SandboxNonTradeActivityWire From(SandboxNonTradeActivity a) => new(
        a.Id, a.ActivityType, a.ActivitySubType, a.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        a.CreatedAt, SandboxJson.Decimal(a.NetAmount), a.Symbol, a.Qty is { } q ? SandboxJson.Decimal(q) : null,
        a.PerShareAmount is { } p ? SandboxJson.Decimal(p) : null, "USD", "executed", a.Description);
}
