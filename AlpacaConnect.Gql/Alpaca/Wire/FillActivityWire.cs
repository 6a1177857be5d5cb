using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Alpaca.Wire;

/// <summary>A trade activity as sent (facts-more 2, SPEC-2026 <c>TradingActivities</c>); quantities and price are strings.</summary>
internal sealed class FillActivityWire
{
    public required string Id { get; set; }
    public string? ActivityType { get; set; }
    public DateTimeOffset? TransactionTime { get; set; }
    public string? Type { get; set; }
    public decimal Price { get; set; }
    public decimal Qty { get; set; }
    public decimal CumQty { get; set; }
    public decimal? LeavesQty { get; set; }
    public string? Side { get; set; }
    public string? Symbol { get; set; }
    public Guid? OrderId { get; set; }
    public string? OrderStatus { get; set; }

    public AlpacaFillActivity ToModel() => new()
    {
        Id = Id,
        TransactionTime = TransactionTime,
        Type = Type,
        Price = Price,
        Qty = Qty,
        CumQty = CumQty,
        LeavesQty = LeavesQty,
        OrderId = OrderId,
        OrderStatus = OrderStatus,
    };
}
