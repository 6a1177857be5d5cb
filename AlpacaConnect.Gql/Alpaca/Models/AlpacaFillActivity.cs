namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>
/// One execution of an order as a FILL account activity tells it (facts-more 2): its own price and quantity and the
/// order's running total after it. It carries no execution id and no position; <see cref="Id"/> is the activity's
/// opaque id.
/// </summary>
internal sealed record AlpacaFillActivity
{
    public required string Id { get; init; }
    public DateTimeOffset? TransactionTime { get; init; }
    /// <summary><c>fill</c> or <c>partial_fill</c>.</summary>
    public string? Type { get; init; }
    public decimal Price { get; init; }
    public decimal Qty { get; init; }
    public decimal CumQty { get; init; }
    public decimal? LeavesQty { get; init; }
    public Guid? OrderId { get; init; }
    public string? OrderStatus { get; init; }
}
