namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>One item of <c>DELETE /v2/orders</c>'s 207 answer (facts 2.8): the per-order HTTP status.</summary>
internal sealed record AlpacaCancelOrderResult(Guid OrderId, int Status, string? Message)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>One item of <c>DELETE /v2/positions</c>'s 207 answer (facts 2.9): the closing order, or why not.</summary>
internal sealed record AlpacaClosePositionResult(string Symbol, int Status, AlpacaOrder? Order, int? AlpacaCode, string? Message)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
