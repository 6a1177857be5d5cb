namespace AlpacaConnect.Gql.Alpaca.Models;

// Alpaca adds values over time (facts 2.4, 4); anything this list does not know reads as Unknown, never as a crash.

/// <summary>Order status (facts 2.4). Terminal: Filled, Canceled, Expired, Rejected, Replaced.</summary>
internal enum AlpacaOrderStatus
{
    Unknown, New, PartiallyFilled, Filled, DoneForDay, Canceled, Expired, Replaced, PendingCancel, PendingReplace,
    Accepted, PendingNew, AcceptedForBidding, Stopped, Rejected, Suspended, Calculated, Held, PendingReview,
}

internal enum AlpacaOrderType
{
    Unknown, Market, Limit, Stop, StopLimit, TrailingStop,
}

internal enum AlpacaOrderSide
{
    Unknown, Buy, Sell,
}

internal enum AlpacaTimeInForce
{
    Unknown, Day, Gtc, Opg, Cls, Ioc, Fok,
}

/// <summary>Order class; Alpaca's empty string means Simple.</summary>
internal enum AlpacaOrderClass
{
    Unknown, Simple, Bracket, Oco, Oto, Mleg,
}

/// <summary>Account status (facts 2.1). Only Active is normal for trading.</summary>
internal enum AlpacaAccountStatus
{
    Unknown, Onboarding, SubmissionFailed, Submitted, AccountUpdated, ApprovalPending, Active, Rejected, AccountClosed,
    ActionRequired, AmlReview, Approved, Disabled, DisablePending, Edited, Inactive, KycSubmitted, Limited, PaperOnly,
    ReapprovalPending, Resubmitted, SignedUp,
}

/// <summary>Event of a trade_updates message (facts 4). Not the same words as order statuses.</summary>
internal enum AlpacaTradeEvent
{
    Unknown, New, Fill, PartialFill, Canceled, Expired, DoneForDay, Replaced, Rejected, PendingNew, Stopped,
    PendingCancel, PendingReplace, Calculated, Suspended, OrderReplaceRejected, OrderCancelRejected, Accepted,
    Restated, Held, PendingReview,
}

#pragma warning disable CA1720 // Alpaca's own words for a position's side.
internal enum AlpacaPositionSide
{
    Unknown, Long, Short,
}
#pragma warning restore CA1720

internal enum AlpacaAssetStatus
{
    Unknown, Active, Inactive,
}

/// <summary>Which orders <c>GET /v2/orders</c> lists; Alpaca's default is Open.</summary>
internal enum AlpacaOrderQueryStatus
{
    Open, Closed, All,
}

internal enum AlpacaSortDirection
{
    Asc, Desc,
}
