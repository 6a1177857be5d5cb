using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Trading;

/// <summary>An order and its working state. Mutated only under its account's lock.</summary>
public sealed class SandboxOrder
{
    public required Guid Id { get; init; }
    public required string ClientOrderId { get; init; }
    public required SandboxAsset Asset { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? FilledAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    public DateTimeOffset? CancelRequestedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public Guid? ReplacedBy { get; set; }
    public Guid? Replaces { get; set; }
    public decimal? Qty { get; set; }
    public decimal? Notional { get; set; }
    public decimal FilledQty { get; set; }
    public decimal? FilledAvgPrice { get; set; }
    public string OrderClass { get; set; } = "";
    public required string Type { get; set; }
    public required string Side { get; init; }
    public required string TimeInForce { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? TrailPrice { get; set; }
    public decimal? TrailPercent { get; set; }
    public decimal? Hwm { get; set; }
    public required string Status { get; set; }
    public bool ExtendedHours { get; init; }
    public string? PositionIntent { get; init; }
    public List<SandboxOrder> Legs { get; } = [];
    public SandboxOrder? Parent { get; set; }

    /// <summary>Earliest time the engine may fill or cancel this order.</summary>
    public DateTimeOffset WorkableAt { get; set; }

    /// <summary>A stop (or trailing stop) whose trigger was crossed works as a market or limit order.</summary>
    public bool Triggered { get; set; }

    /// <summary>A <c>day</c> order expires at this session close.</summary>
    public DateTimeOffset? DayEndsAt { get; set; }

    /// <summary>The order this one is being replaced by while <c>pending_replace</c>.</summary>
    public SandboxOrder? PendingReplacement { get; set; }

    public bool IsBuy => Side == "buy";

    public bool IsBuyingPowerReserved => IsBuy && Status != SandboxOrderStatus.Held && !SandboxOrderStatus.IsClosed(Status);

    /// <summary>Shares still to fill; for a notional order, unknown until the fill (null).</summary>
    public decimal? RemainingQty => Qty is { } qty ? qty - FilledQty : null;
}
