using System.Text.Json;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Orders;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// Writes the outbox rows of an event inside the transaction that records it: one per device of the user on a
/// configured push channel, and one for the operator's webhook when configured. A later event of the same order takes
/// the place of a partial fill's push still waiting out its window.
/// </summary>
internal sealed class OutboxWriter(
    IEnumerable<INotificationSender> senders, PushTexts texts, IOptionsMonitor<NotificationsOptions> options, TimeProvider time)
    : IOrderEventEnlistment, IConnectionEventEnlistment
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HashSet<NotificationChannel> _configured = [.. senders.Where(s => s.IsConfigured).Select(s => s.Channel)];

    public async Task EnlistAsync(AppDbContext db, Order order, OrderEvent recorded, CancellationToken cancellationToken)
    {
        if (NotificationEvents.TypeOf(recorded) is not { } type || recorded.Sequence is not { } sequence)
        {
            return;
        }

        var now = time.GetUtcNow();
        var devices = await DevicesAsync(db, order.UserId, cancellationToken);
        if (devices.Count > 0)
        {
            // The newer event says more than a partial fill that has not gone out yet; the device would replace it anyway.
            await db.Set<OutboxMessage>()
                .Where(m => m.OrderId == order.Id && m.State == OutboxState.Pending && m.EventType == NotificationEvents.PartiallyFilled
                    && m.Channel != NotificationChannel.Webhook && m.ClaimedBy == null)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.State, OutboxState.Coalesced), cancellationToken);
        }

        var sendAt = type == NotificationEvents.PartiallyFilled ? now + options.CurrentValue.PartialFillWindow : now;
        foreach (var device in devices)
        {
            db.Add(new OutboxMessage
            {
                UserId = order.UserId,
                Channel = NotificationChannels.Of(device.Platform),
                DeviceId = device.Id,
                DedupId = NotificationIds.Uuid("push", device.Id, order.UserId, sequence),
                CollapseKey = $"order-{order.Id:N}",
                EventType = type,
                OrderId = order.Id,
                EventSequence = sequence,
                Payload = JsonSerializer.Serialize(texts.ForOrder(type, order, recorded, device.ShowDetails), Json),
                CreatedAt = now,
                NextAttemptAt = sendAt,
            });
        }

        if (_configured.Contains(NotificationChannel.Webhook))
        {
            db.Add(new OutboxMessage
            {
                UserId = order.UserId,
                Channel = NotificationChannel.Webhook,
                DedupId = NotificationIds.WebhookId("webhook", order.UserId, sequence),
                EventType = type,
                OrderId = order.Id,
                EventSequence = sequence,
                Payload = WebhookBodies.ForOrder(type, order, recorded),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    public async Task EnlistReauthRequiredAsync(AppDbContext db, string userId, Guid connectionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var content = JsonSerializer.Serialize(texts.ForReauth(connectionId), Json);
        foreach (var device in await DevicesAsync(db, userId, cancellationToken))
        {
            db.Add(new OutboxMessage
            {
                UserId = userId,
                Channel = NotificationChannels.Of(device.Platform),
                DeviceId = device.Id,
                DedupId = NotificationIds.Uuid("push", device.Id, connectionId, now.UtcTicks),
                CollapseKey = $"connection-{connectionId:N}",
                EventType = NotificationEvents.ReauthRequired,
                Payload = content,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        if (_configured.Contains(NotificationChannel.Webhook))
        {
            db.Add(new OutboxMessage
            {
                UserId = userId,
                Channel = NotificationChannel.Webhook,
                DedupId = NotificationIds.WebhookId("webhook", connectionId, now.UtcTicks),
                EventType = NotificationEvents.ReauthRequired,
                Payload = WebhookBodies.ForReauth(userId, connectionId, now),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    private async Task<List<PushDevice>> DevicesAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (!_configured.Overlaps([NotificationChannel.Apns, NotificationChannel.Fcm, NotificationChannel.Expo]))
        {
            return [];
        }

        var devices = await db.Set<PushDevice>().AsNoTracking().Where(d => d.UserId == userId).ToListAsync(cancellationToken);
        return [.. devices.Where(d => _configured.Contains(NotificationChannels.Of(d.Platform)))];
    }
}
