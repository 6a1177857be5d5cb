using AlpacaConnect.Gql.Guardrails;
using AlpacaConnect.Gql.GraphQL.Scalars;
using AlpacaConnect.Gql.Orders.Pipeline;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderPreviewGraphType : ObjectGraphType<OrderPreview>
{
    public OrderPreviewGraphType()
    {
        Name = "OrderPreview";
        Description = "What placeOrder would do with the same input now, from the same checks; nothing was reserved, saved or sent.";
        Field(p => p.WouldPlace)
            .Description("True when placeOrder would send the order to Alpaca now. Alpaca still decides (e.g. buying power, shares to sell); its refusal comes back from placeOrder as ALPACA_REJECTED or INSUFFICIENT_BUYING_POWER.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceOrderErrorType>>>>("errors")
            .Description("The errors placeOrder would answer with, with the same codes; empty when it would place.")
            .Resolve(c => c.Source.Assessment.Refused);
        Field<DecimalStringGraphType>("estimatedNotional")
            .Description("The order's value in USD, to the cent: its notional, or its quantity at `quote.price` (times an option's multiplier). Null when it cannot be valued.")
            .Resolve(c => DecimalScale.Trim(c.Source.EstimatedNotional));
        Field<OrderPreviewQuoteGraphType>("quote")
            .Description("The quote the checks read (null when they stopped before reading the market).")
            .Resolve(c => c.Source.Assessment.Context is null ? null : c.Source.Assessment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderCheckGraphType>>>>("assetChecks")
            .Description("The asset's rules that apply to the order, in the order they are checked; the checks stop at the first stage that fails.")
            .Resolve(c => c.Source.Assessment.AssetChecks.Select(OrderCheck.Of));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderCheckGraphType>>>>("guardrails")
            .Description("This app's pre-trade limits that apply to the order, each with its limit and what the order reaches; empty when an earlier stage refused it.")
            .Resolve(c => c.Source.Assessment.Guardrails.Select(OrderCheck.Of));
        Field<DecimalStringGraphType>("buyingPower")
            .Description("The account's buying power for the asset's class (non-marginable for crypto, the options figure for options), as read a moment ago.")
            .Resolve(c => DecimalScale.Trim(c.Source.BuyingPower));
        Field<DecimalStringGraphType>("buyingPowerAfter")
            .Description("Buying power once the order is open: a buy takes its estimated value at once; a sell gives nothing back until it fills, so it is unchanged.")
            .Resolve(c => DecimalScale.Trim(c.Source.BuyingPowerAfter));
    }
}

internal sealed class OrderPreviewQuoteGraphType : ObjectGraphType<OrderAssessment>
{
    public OrderPreviewQuoteGraphType()
    {
        Name = "OrderPreviewQuote";
        Description = "The market the preview valued the order by.";
        Field<DecimalStringGraphType>("price")
            .Description("The price the order is valued at: its limit or stop price, else the ask for a buy and the bid for a sell. Null when there is none.")
            .Resolve(c => DecimalScale.Trim(c.Source.Price));
        Field<DecimalStringGraphType>("bid").Resolve(c => DecimalScale.Trim(c.Source.Context?.Bid));
        Field<DecimalStringGraphType>("ask").Resolve(c => DecimalScale.Trim(c.Source.Context?.Ask));
    }
}

/// <summary>One rule's verdict, an asset's or a guardrail's, as the preview shows it.</summary>
internal sealed record OrderCheck(string Rule, bool Passed, string? Message, string? Limit, string? Actual)
{
    public static OrderCheck Of(AssetVerdict v) => new(v.Rule, v.Passed, v.Error?.Message, v.Limit, v.Actual);

    public static OrderCheck Of(GuardrailVerdict v) => new(v.Rule, v.Passed, v.Passed ? null : v.Message, v.Limit, v.Actual);
}

internal sealed class OrderCheckGraphType : ObjectGraphType<OrderCheck>
{
    public OrderCheckGraphType()
    {
        Name = "OrderCheck";
        Description = "One rule's verdict on the order.";
        Field(c => c.Rule).Description("The rule, as placeOrder's errors name it (e.g. MAX_NOTIONAL_PER_ORDER, ASSET_NOT_FRACTIONABLE).");
        Field(c => c.Passed);
        Field(c => c.Message, nullable: true).Description("Why it failed; null when it passed.");
        Field(c => c.Limit, nullable: true).Description("The rule's limit, as a decimal string or list.");
        Field(c => c.Actual, nullable: true).Description("What the order asks or reaches.");
    }
}
