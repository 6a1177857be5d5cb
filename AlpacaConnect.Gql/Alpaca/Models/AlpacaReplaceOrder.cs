namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>
/// <c>PATCH /v2/orders/{id}</c> (facts 2.7): only the fields set are changed. Alpaca answers with a new order (new id,
/// <c>replaces</c> = the old one); the old one may still fill first.
/// </summary>
internal sealed record AlpacaReplaceOrder
{
    public decimal? Qty { get; init; }
    public AlpacaTimeInForce? TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }

    /// <summary>New trail price or percent of a trailing stop.</summary>
    public decimal? Trail { get; init; }

    /// <summary>Client order id of the new order.</summary>
    public string? ClientOrderId { get; init; }
}
