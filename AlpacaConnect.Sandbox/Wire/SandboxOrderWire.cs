using System.Text.Json.Serialization;
using AlpacaConnect.Sandbox.Trading;

namespace AlpacaConnect.Sandbox.Wire;

/// <summary>
/// Alpaca's Order object (TRADING-SPEC <c>Order</c>), field for field. <c>expires_at</c> is a timestamp or absent, never
/// null (the spec does not let it be): it is absent only where the order has no deadline, a day order in the always-open
/// market, whose day never ends.
/// </summary>
internal sealed record SandboxOrderWire(
    Guid Id, string ClientOrderId, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt,
    DateTimeOffset? FilledAt, DateTimeOffset? ExpiredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ExpiresAt, DateTimeOffset? CanceledAt,
    DateTimeOffset? CancelRequestedAt, DateTimeOffset? FailedAt, DateTimeOffset? ReplacedAt, Guid? ReplacedBy, Guid? Replaces,
    Guid AssetId, string Symbol, string AssetClass, decimal? Notional, decimal? Qty, decimal FilledQty, decimal? FilledAvgPrice,
    string OrderClass, string OrderType, string Type, string Side, string TimeInForce, decimal? LimitPrice, decimal? StopPrice,
    string Status, bool ExtendedHours, IReadOnlyList<SandboxOrderWire>? Legs, decimal? TrailPercent, decimal? TrailPrice, decimal? Hwm,
    string? PositionIntent, string? Subtag, string? Source)
{
    /// <summary>Legs are rolled up only when asked (<c>nested=true</c>, and on order creation).</summary>
    public static SandboxOrderWire From(SandboxOrder o, bool withLegs) => new(
        o.Id, o.ClientOrderId, o.CreatedAt, o.UpdatedAt, o.SubmittedAt, o.FilledAt, o.ExpiredAt, o.ExpiresAt, o.CanceledAt,
        o.CancelRequestedAt, o.FailedAt, o.ReplacedAt, o.ReplacedBy, o.Replaces, o.Asset.Id, o.Asset.Symbol, o.Asset.Class,
        o.Notional, o.Qty, o.FilledQty, o.FilledAvgPrice, o.OrderClass, o.Type, o.Type, o.Side, o.TimeInForce, o.LimitPrice,
        o.StopPrice, o.Status, o.ExtendedHours, withLegs && o.Legs.Count > 0 ? o.Legs.Select(l => From(l, false)).ToList() : null,
        o.TrailPercent, o.TrailPrice, o.Hwm, o.PositionIntent, null, null);
}
