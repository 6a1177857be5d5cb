using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Orders;

/// <summary>The order history (configuration section <c>Orders</c>).</summary>
internal sealed class OrderHistoryOptions
{
    public const string Section = "Orders";

    /// <summary>
    /// How old a connection's last sync with Alpaca may be before <c>orders</c> or <c>order(id)</c> syncs again first.
    /// Zero syncs on every read (concurrent reads still share one sync). Placing or cancelling an order makes the next
    /// read sync regardless.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SyncStaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many orders that filled further than recorded one sync or reconciliation pass reads the fill activities of
    /// (one event per execution); the others of that pass get one event with Alpaca's reported fill. Each read is an
    /// Alpaca call: after a long outage with many fills this keeps a pass short and within the account's budget.
    /// </summary>
    [Range(0, 500)]
    public int MaxFillReadsPerPass { get; set; } = 20;

    /// <summary>
    /// Closed orders per page of Alpaca's order list a sync or reconciliation pass reads (Alpaca's maximum, 500, by
    /// default; facts 2.5). Smaller only to exercise paging.
    /// </summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// Pages of closed orders one pass reads at most, each an Alpaca call: the newest page, then onward from where the
    /// previous pass stopped, so passes after a long outage sweep the whole history instead of rereading its newest part.
    /// </summary>
    [Range(2, 20)]
    public int MaxPagesPerPass { get; set; } = 4;

    /// <summary>Orders the lists did not reach that one pass looks up one by one (each an Alpaca call).</summary>
    [Range(0, 200)]
    public int MaxLookupsPerPass { get; set; } = 20;
}
