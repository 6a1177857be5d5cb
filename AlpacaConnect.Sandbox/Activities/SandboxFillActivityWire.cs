using AlpacaConnect.Sandbox.Wire;

namespace AlpacaConnect.Sandbox.Activities;

/// <summary>Alpaca's trade activity (SPEC-2026 <c>TradingActivities</c>): quantities and price as strings (facts-more 2).</summary>
internal sealed record SandboxFillActivityWire(
    string Id, string ActivityType, DateTimeOffset TransactionTime, string Type, string Price, string Qty, string CumQty,
    string LeavesQty, string Side, string Symbol, Guid OrderId, string OrderStatus)
{
    public static SandboxFillActivityWire From(SandboxFillActivity a) => new(
        a.Id, "FILL", a.TransactionTime, a.Completes ? "fill" : "partial_fill", SandboxJson.Decimal(a.Price), SandboxJson.Decimal(a.Qty),
        SandboxJson.Decimal(a.CumQty), SandboxJson.Decimal(a.LeavesQty), a.Side, a.Symbol, a.OrderId, a.OrderStatus);
}
