using AlpacaConnect.Gql.Trading;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The input breaks one of Alpaca's order rules; <see cref="Field"/> names the input field when known, and a rule of the
/// order's asset (<see cref="Rule"/>, e.g. TIME_IN_FORCE_FOR_ASSET_CLASS) gives its limit and what was asked.
/// </summary>
internal sealed record OrderInvalidError(string? Field, string Message, int? UpstreamCode = null, string Rule = OrderInvalidError.OrderRule, string? Limit = null, string? Actual = null)
    : PayloadError(ErrorCodes.OrderInvalid, Message)
{
    /// <summary>The rule of an error that is not one of an asset's: Alpaca's general order rules.</summary>
    public const string OrderRule = "ORDER_RULE";
}

internal sealed record GuardrailViolationError(string Rule, string Message, string? Limit, string? Actual)
    : PayloadError(ErrorCodes.GuardrailViolation, Message);

/// <summary>Alpaca refused the order (<see cref="PayloadError.Code"/> BROKER_REJECTED for a 403, else ALPACA_REJECTED).</summary>
internal sealed record AlpacaRejectedError(string Code, string Message, int? UpstreamCode)
    : PayloadError(Code, Message);

internal sealed record InsufficientBuyingPowerError(string Message, int? UpstreamCode)
    : PayloadError(ErrorCodes.InsufficientBuyingPower, Message);

/// <summary>Nothing was placed; try again (with the same key) after <see cref="RetryAfter"/> seconds when given.</summary>
internal sealed record RateLimitedError(int? RetryAfter)
    : PayloadError(ErrorCodes.RateLimited, "Too many calls to Alpaca for this account; nothing was placed. Try again with the same idempotency key.");

internal sealed record IdempotencyKeyReusedError()
    : PayloadError(ErrorCodes.IdempotencyKeyReused, "This idempotency key was used for a different order. Use a new key for a new order.");

/// <summary><see cref="Guidance"/> says how the caller finds out; it differs per mutation.</summary>
internal sealed record OrderStateUnknownError(Guid OrderId, string Guidance = OrderStateUnknownError.PlaceAgain)
    : PayloadError(ErrorCodes.OrderStateUnknown, Guidance)
{
    public const string PlaceAgain =
        "Alpaca may or may not have received the order. It will not be placed twice: call placeOrder again with the same idempotency key to find out.";

    public const string ReplaceAgain =
        "Alpaca may or may not have received the replace. It will not be sent twice: call replaceOrder again with the same idempotency key to find out.";

    /// <summary>Alpaca takes no client order id when closing a position, so there is nothing to look the order up by.</summary>
    public const string CheckBeforeClosingAgain =
        "Alpaca may or may not have closed the position; the close will not be sent again for this key. Check the positions and orders before closing again with a new key.";
}

/// <summary>The order's asset class is not one this deployment trades (setting <c>Guardrails:AllowedAssetClasses</c>).</summary>
internal sealed record AssetClassNotAllowedError(AssetClass AssetClass, IReadOnlyList<AssetClass> Allowed)
    : PayloadError(ErrorCodes.AssetClassNotAllowed, $"{AssetClass} orders are not allowed here; nothing was sent.");

/// <summary>
/// The order belongs to an Alpaca account (or environment) that is no longer the one connected: nothing is ever sent
/// about it to another account.
/// </summary>
/// <summary>
/// A batch (and each order it sends) was made at an Alpaca account that is no longer the connected one; nothing was sent
/// to any account. Raised by the batch itself and by the pipeline for a command bound to the batch's account.
/// </summary>
internal sealed record BatchAccountChangedError()
    : PayloadError(ErrorCodes.AccountChanged, "This key's batch was made at another Alpaca account than the one connected now; nothing was sent.");

internal sealed record OrderAccountChangedError(Guid OrderId)
    : PayloadError(ErrorCodes.AccountChanged, "This order belongs to an Alpaca account that is no longer connected; nothing was sent. Connect that account again to act on it.");

/// <summary>The intent was never confirmed by Alpaca within the window an unsent order is kept; it is EXPIRED and never sent.</summary>
internal sealed record OrderIntentExpiredError(Guid OrderId)
    : PayloadError(ErrorCodes.OrderIntentExpired, "This order was never placed and is too old to send now; nothing was sent. Place a new order with a new key.");

/// <summary>No order of the caller's has this id. Another user's order reads the same way, so ids cannot be probed.</summary>
internal sealed record OrderNotFoundError()
    : PayloadError(ErrorCodes.NotFound, "No order with this id.");

/// <summary>The order is filled, cancelled, expired, replaced or rejected (Alpaca cancels only open orders, facts 2.8).</summary>
internal sealed record OrderNotCancelableError(string Message, int? UpstreamCode = null)
    : PayloadError(ErrorCodes.OrderNotCancelable, Message);

/// <summary>The order is filled, cancelled, expired, replaced or rejected: only open orders can be replaced (facts 2.7).</summary>
internal sealed record OrderNotReplaceableError(string Message)
    : PayloadError(ErrorCodes.OrderNotReplaceable, Message);

/// <summary>The account holds no position in the symbol (Alpaca's 404, facts 2.9); nothing was sent to close it.</summary>
internal sealed record PositionNotFoundError(string Symbol)
    : PayloadError(ErrorCodes.PositionNotFound, $"The account holds no {Symbol} position.");
