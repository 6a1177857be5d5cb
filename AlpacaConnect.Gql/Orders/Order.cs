using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// One order placed through this server, saved before it is sent to Alpaca so an order is never lost: the row
/// exists with <see cref="ClientOrderId"/> before the POST, and that id lets any later attempt find the order.
/// </summary>
internal sealed class Order
{
    public Guid Id { get; set; }

    public required string UserId { get; init; }

    public Guid ConnectionId { get; set; }

    /// <summary>
    /// The Alpaca account and environment the order was (or is to be) sent to. Every later send, lookup, cancel,
    /// replace and reconciliation of it goes to this account only, whatever the connection points at by then.
    /// </summary>
    public string? AlpacaAccountId { get; set; }

    public AlpacaEnvironment Environment { get; set; }

    /// <summary>Which command saved it: every command that moves money goes through one pipeline.</summary>
    public OrderCommandKind Command { get; set; }

    public AssetClass AssetClass { get; set; }

    /// <summary>The app's key; unique per user, kept forever (the derived client order id is unique forever at Alpaca).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the normalized input: the same key with another input is refused.</summary>
    public required string RequestFingerprint { get; init; }

    /// <summary>
    /// Derived from (user, key); see <see cref="ClientOrderIds"/>. A closing order's is Alpaca's own, set when Alpaca
    /// answers (closing a position takes no client order id, facts 2.9).
    /// </summary>
    public required string ClientOrderId { get; set; }

    /// <summary>Alpaca's order id, once Alpaca has confirmed the order.</summary>
    public Guid? AlpacaOrderId { get; set; }

    public required string Symbol { get; init; }
    public OrderSide Side { get; set; }
    public OrderType Type { get; init; }
    public TimeInForce TimeInForce { get; init; }
    public OrderClass OrderClass { get; init; }
    public decimal? Qty { get; set; }
    public decimal? Notional { get; init; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }
    public decimal? TrailPrice { get; init; }
    public decimal? TrailPercent { get; init; }
    public bool ExtendedHours { get; init; }
    public decimal? TakeProfitLimitPrice { get; init; }
    public decimal? StopLossStopPrice { get; init; }
    public decimal? StopLossLimitPrice { get; init; }

    /// <summary>The value the guardrails counted against the user's daily limits, in USD.</summary>
    public decimal EstimatedNotional { get; set; }

    /// <summary>The trading day (America/New_York, yyyy-MM-dd) whose usage this order reserved.</summary>
    public string UsageDay { get; set; } = "";

    /// <summary>What this order added to its day's usage: released exactly when Alpaca refuses it or it expires unsent.</summary>
    public int ReservedCount { get; set; }

    public long ReservedNotionalMicros { get; set; }

    public OrderStatus Status { get; set; }
    public decimal FilledQty { get; set; }
    public decimal? FilledAvgPrice { get; set; }

    /// <summary>Why Alpaca refused it: our error code, Alpaca's code and message, replayed to a retry with the same key.</summary>
    public string? RejectionCode { get; set; }
    public int? RejectionUpstreamCode { get; set; }
    public string? RejectionMessage { get; set; }

    public Guid? Replaces { get; set; }

    /// <summary>
    /// For a leg of a bracket, OCO or OTO order: its parent's id. Alpaca creates legs with its own ids (facts-more 8);
    /// they are kept as rows of the same user and account so their transitions are recorded and published.
    /// </summary>
    public Guid? ParentOrderId { get; set; }
    public Guid? ReplacedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? FilledAt { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Alpaca's <c>updated_at</c> of the report last applied: an older report (a list read before a stream event) never overwrites a newer one.</summary>
    public DateTimeOffset? AlpacaUpdatedAt { get; set; }

    /// <summary>
    /// Optimistic concurrency: the stream, a reconciliation and a mutation may report the same transition at once;
    /// exactly one of them writes it, the others re-read and find nothing left to change.
    /// </summary>
    public int Version { get; set; }
}
