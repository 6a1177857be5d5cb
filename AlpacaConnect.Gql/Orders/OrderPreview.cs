using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.Orders.Pipeline;
using AlpacaConnect.Gql.Trading;

namespace AlpacaConnect.Gql.Orders;

/// <summary>What <c>placeOrder</c> would do with an input, from the pipeline's own checks (<see cref="OrderPipeline.AssessAsync"/>).</summary>
internal sealed record OrderPreview(OrderAssessment Assessment, OrderSide Side)
{
    public bool WouldPlace => Assessment.Refused.Count == 0;

    public decimal? EstimatedNotional => Assessment.Value is { } value ? GuardrailPolicy.Cents(value) : null;

    public decimal? BuyingPower => Assessment.Context?.BuyingPower;

    /// <summary>
    /// A buy takes its value from the buying power as soon as it is open; a sell gives none back until it fills
    /// (facts: orders, "Buying Power"), so the figure is the same after it.
    /// </summary>
    public decimal? BuyingPowerAfter => BuyingPower is not { } power ? null
        : Side == OrderSide.Sell ? power
        : EstimatedNotional is { } value && value != decimal.MaxValue ? power - value : null;
}
