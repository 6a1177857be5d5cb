namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// An order's status in our history: Alpaca's statuses (facts 2.4) plus the two only we can know.
/// <see cref="PendingSubmit"/>: saved, not yet confirmed by Alpaca. <see cref="Unknown"/>: a submission whose
/// outcome could not be established (kept for reconciliation), or a status Alpaca added that we do not know yet.
/// </summary>
internal enum OrderStatus
{
    PendingSubmit,
    Unknown,
    Accepted,
    PendingNew,
    New,
    AcceptedForBidding,
    PartiallyFilled,
    Filled,
    DoneForDay,
    PendingCancel,
    Canceled,
    Expired,
    PendingReplace,
    Replaced,
    Stopped,
    Rejected,
    Suspended,
    Calculated,
    Held,
    PendingReview,
}

/// <summary>The command that saved an order.</summary>
internal enum OrderCommandKind
{
    Place,
    Replace,
    Close,
}
