namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary>Filters of <c>GET /v2/orders</c> (facts 2.5); unset values use Alpaca's defaults.</summary>
internal sealed record AlpacaOrderQuery
{
    public AlpacaOrderQueryStatus? Status { get; init; }

    /// <summary>Alpaca's default is 50 and its maximum 500.</summary>
    public int? Limit { get; init; }

    /// <summary>Only orders submitted after this instant (exclusive).</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>Only orders submitted until this instant (exclusive).</summary>
    public DateTimeOffset? Until { get; init; }
    public AlpacaSortDirection? Direction { get; init; }
    public IReadOnlyList<string>? Symbols { get; init; }
    public AlpacaOrderSide? Side { get; init; }

    /// <summary>Roll multi-leg orders up under their parent's <see cref="AlpacaOrder.Legs"/>.</summary>
    public bool? Nested { get; init; }
}
