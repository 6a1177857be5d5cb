using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Orders.Pipeline;
using AlpacaConnect.Gql.Rollout;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Orders;

internal sealed class OrderInvalidErrorType : PayloadErrorGraphType<OrderInvalidError>
{
    public OrderInvalidErrorType()
        : base("OrderInvalidError", "The order breaks one of Alpaca's order rules; nothing was placed.")
    {
        Field(e => e.Field, nullable: true).Description("The input field at fault, e.g. `limitPrice` or `takeProfit.limitPrice`, when known.");
        Field(e => e.UpstreamCode, nullable: true).Description("Alpaca's error code when Alpaca refused it.");
        Field(e => e.Rule).Description("The rule at fault: one of the asset's (e.g. TIME_IN_FORCE_FOR_ASSET_CLASS, BELOW_MIN_ORDER_SIZE, ASSET_NOT_FOUND), or ORDER_RULE for Alpaca's general order rules.");
        Field(e => e.Limit, nullable: true).Description("The rule's limit, as a decimal string or list.");
        Field(e => e.Actual, nullable: true).Description("What the order asked.");
    }
}

internal sealed class GuardrailViolationErrorType : PayloadErrorGraphType<GuardrailViolationError>
{
    public GuardrailViolationErrorType()
        : base("GuardrailViolationError", "The order breaks one of this app's pre-trade limits; nothing was sent to Alpaca.")
    {
        Field(e => e.Rule).Description("Which rule, e.g. MAX_DAILY_NOTIONAL.");
        Field(e => e.Limit, nullable: true).Description("The limit, as a decimal string or list.");
        Field(e => e.Actual, nullable: true).Description("What the order would reach.");
    }
}

internal sealed class AlpacaRejectedErrorType : PayloadErrorGraphType<AlpacaRejectedError>
{
    public AlpacaRejectedErrorType()
        : base("AlpacaRejectedError", "Alpaca refused the order (BROKER_REJECTED: account permissions, shares, shorting; ALPACA_REJECTED: other).")
    {
        Field(e => e.UpstreamCode, nullable: true).Description("Alpaca's 8-digit error code, when it sent one.");
    }
}

internal sealed class InsufficientBuyingPowerErrorType : PayloadErrorGraphType<InsufficientBuyingPowerError>
{
    public InsufficientBuyingPowerErrorType()
        : base("InsufficientBuyingPowerError", "Alpaca refused the order: not enough buying power.")
    {
        Field(e => e.UpstreamCode, nullable: true);
    }
}

internal sealed class RateLimitedErrorType : PayloadErrorGraphType<RateLimitedError>
{
    public RateLimitedErrorType()
        : base("RateLimitedError", "Alpaca's call budget for the account is spent; nothing was placed.")
    {
        Field(e => e.RetryAfter, nullable: true).Description("Seconds to wait before trying again, when known.");
    }
}

internal sealed class IdempotencyKeyReusedErrorType()
    : PayloadErrorGraphType<IdempotencyKeyReusedError>("IdempotencyKeyReusedError", "The idempotency key belongs to a different order.");

internal sealed class OrderStateUnknownErrorType : PayloadErrorGraphType<OrderStateUnknownError>
{
    public OrderStateUnknownErrorType()
        : base("OrderStateUnknownError", "Whether Alpaca holds the order could not be established; the order is kept with status UNKNOWN.")
    {
        Field<NonNullGraphType<IdGraphType>>("orderId").Resolve(c => c.Source.OrderId);
    }
}

internal sealed class OrderNotFoundErrorType()
    : PayloadErrorGraphType<OrderNotFoundError>("OrderNotFoundError", "The caller has no order with this id.");

internal sealed class OrderNotCancelableErrorType : PayloadErrorGraphType<OrderNotCancelableError>
{
    public OrderNotCancelableErrorType()
        : base("OrderNotCancelableError", "The order is no longer open; `order` shows its status.")
    {
        Field(e => e.UpstreamCode, nullable: true).Description("Alpaca's error code when Alpaca refused the cancel.");
    }
}

internal sealed class OrderNotReplaceableErrorType()
    : PayloadErrorGraphType<OrderNotReplaceableError>("OrderNotReplaceableError", "The order is no longer open; `order` is null and the order reads as before.");

internal sealed class PositionNotFoundErrorType : PayloadErrorGraphType<PositionNotFoundError>
{
    public PositionNotFoundErrorType()
        : base("PositionNotFoundError", "The account holds no position in the symbol.")
    {
        Field(e => e.Symbol);
    }
}

internal sealed class PlaceOrderErrorType : UnionGraphType
{
    public PlaceOrderErrorType()
    {
        Name = "PlaceOrderError";
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<OrderInvalidErrorType>();
        Type<GuardrailViolationErrorType>();
        Type<IdempotencyKeyReusedErrorType>();
        Type<AlpacaRejectedErrorType>();
        Type<InsufficientBuyingPowerErrorType>();
        Type<RateLimitedErrorType>();
        Type<OrderStateUnknownErrorType>();
        Type<AssetClassNotAllowedErrorType>();
        Type<OrderAccountChangedErrorType>();
        Type<OrderIntentExpiredErrorType>();
        Type<NotInRolloutErrorType>();
        Type<TradingPausedErrorType>();
    }
}

internal sealed class CancelUnconfirmedErrorType()
    : PayloadErrorGraphType<CancelUnconfirmedError>("CancelUnconfirmedError", "Alpaca did not confirm the cancel (UPSTREAM_UNAVAILABLE or UPSTREAM_TIMEOUT); asking again is safe.");

internal sealed class CancelOrderErrorType : UnionGraphType
{
    public CancelOrderErrorType()
    {
        Name = "CancelOrderError";
        Type<OrderNotFoundErrorType>();
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<OrderNotCancelableErrorType>();
        Type<RateLimitedErrorType>();
        Type<OrderStateUnknownErrorType>();
        Type<OrderAccountChangedErrorType>();
        Type<CancelUnconfirmedErrorType>();
    }
}

internal sealed class ReplaceOrderErrorType : UnionGraphType
{
    public ReplaceOrderErrorType()
    {
        Name = "ReplaceOrderError";
        Type<OrderNotFoundErrorType>();
        Type<OrderNotReplaceableErrorType>();
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<OrderInvalidErrorType>();
        Type<GuardrailViolationErrorType>();
        Type<IdempotencyKeyReusedErrorType>();
        Type<AlpacaRejectedErrorType>();
        Type<InsufficientBuyingPowerErrorType>();
        Type<RateLimitedErrorType>();
        Type<OrderStateUnknownErrorType>();
        Type<AssetClassNotAllowedErrorType>();
        Type<OrderAccountChangedErrorType>();
        Type<OrderIntentExpiredErrorType>();
        Type<NotInRolloutErrorType>();
        Type<TradingPausedErrorType>();
    }
}

internal sealed class ClosePositionErrorType : UnionGraphType
{
    public ClosePositionErrorType()
    {
        Name = "ClosePositionError";
        Type<BatchAccountChangedErrorType>();
        Type<PositionNotFoundErrorType>();
        Type<NotConnectedErrorType>();
        Type<ReauthRequiredErrorType>();
        Type<OrderInvalidErrorType>();
        Type<GuardrailViolationErrorType>();
        Type<IdempotencyKeyReusedErrorType>();
        Type<AlpacaRejectedErrorType>();
        Type<InsufficientBuyingPowerErrorType>();
        Type<RateLimitedErrorType>();
        Type<OrderStateUnknownErrorType>();
        Type<AssetClassNotAllowedErrorType>();
        Type<OrderAccountChangedErrorType>();
        Type<OrderIntentExpiredErrorType>();
        Type<NotInRolloutErrorType>();
        Type<TradingPausedErrorType>();
    }
}

internal sealed class BatchAccountChangedErrorType()
    : PayloadErrorGraphType<BatchAccountChangedError>("BatchAccountChangedError", "The key's batch was made at an Alpaca account that is no longer the connected one; nothing was sent to any account.");
