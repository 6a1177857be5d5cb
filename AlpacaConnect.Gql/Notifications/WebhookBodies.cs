using System.Text.Json;
using AlpacaConnect.Gql.Orders;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// Webhook bodies in the shape Standard Webhooks recommends (<c>type</c>, <c>timestamp</c>, <c>data</c>; facts 4.1):
/// thin, ids and the event's place in the user's log, which the operator's backend reads the rest by. Never a token.
/// Serialized once, when the row is written: every retry sends the same bytes.
/// </summary>
internal static class WebhookBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ForOrder(string eventType, Order order, OrderEvent recorded) => JsonSerializer.Serialize(new
    {
        type = eventType,
        timestamp = recorded.OccurredAt,
        data = new
        {
            userId = order.UserId,
            orderId = order.Id,
            sequence = recorded.Sequence,
            status = recorded.Status.ToString(),
            executionId = recorded.Execution?.Id,
        },
    }, Json);

    public static string ForReauth(string userId, Guid connectionId, DateTimeOffset at) => JsonSerializer.Serialize(new
    {
        type = NotificationEvents.ReauthRequired,
        timestamp = at,
        data = new { userId, connectionId },
    }, Json);
}
