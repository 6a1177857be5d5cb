namespace AlpacaConnect.Sandbox.Trading;

/// <summary>Alpaca's order statuses (wire values) and which of them are still open.</summary>
public static class SandboxOrderStatus
{
    public const string New = "new";
    public const string PartiallyFilled = "partially_filled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
    public const string Replaced = "replaced";
    public const string PendingCancel = "pending_cancel";
    public const string PendingReplace = "pending_replace";
    public const string Accepted = "accepted";
    public const string PendingNew = "pending_new";
    public const string Rejected = "rejected";
    public const string Held = "held";

    /// <summary>Terminal statuses: no further updates for this order id.</summary>
    public static bool IsClosed(string status) =>
        status is Filled or Canceled or Expired or Replaced or Rejected;

    /// <summary>PATCH is refused in these (TRADING-SPEC) and in every closed status.</summary>
    public static bool CanReplace(string status) =>
        !IsClosed(status) && status is not (Accepted or PendingNew or PendingCancel or PendingReplace);

    /// <summary>"An order may be canceled … up until … filled, canceled, or expired"; a pending cancel or
    /// replace cannot be canceled again.</summary>
    public static bool CanCancel(string status) =>
        !IsClosed(status) && status is not (PendingCancel or PendingReplace);
}
