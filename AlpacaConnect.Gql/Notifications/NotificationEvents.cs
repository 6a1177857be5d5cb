using AlpacaConnect.Gql.Orders;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>Which events reach a user who is not looking, under which Standard Webhooks event type.</summary>
internal static class NotificationEvents
{
    public const string ReauthRequired = "connection.reauth_required";

    public const string PartiallyFilled = "order.partially_filled";

    /// <summary>
    /// The event type announcing <paramref name="recorded"/>, or null when it is not announced: only the outcomes a
    /// user waits for (fills, cancels, expiries, rejections). A refusal the caller's own mutation answered
    /// (source <c>rejected</c>) was seen in the app already.
    /// </summary>
    public static string? TypeOf(OrderEvent recorded) => recorded.Kind switch
    {
        OrderEventKind.Fill => "order.filled",
        OrderEventKind.PartialFill => PartiallyFilled,
        OrderEventKind.Canceled => "order.canceled",
        OrderEventKind.Expired => "order.expired",
        OrderEventKind.Rejected when recorded.Source != "rejected" => "order.rejected",
        _ => null,
    };
}
