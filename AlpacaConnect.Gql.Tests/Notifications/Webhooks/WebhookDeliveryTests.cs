using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Webhooks;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.Streaming;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.Notifications.Webhooks;

/// <summary>
/// From a fill to the operator's backend: the order's event writes the outbox row, the dispatcher sends it through the
/// webhook sender, and a receiver on the reference library sees the same event until it takes it, and then never again.
/// </summary>
public sealed class WebhookDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AReceiverThatAnswers500ThreeTimesGetsTheFillFourTimesWithOneWebhookIdAndTheRowEndsSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync("500,500,500,200", WebhookHost.OldSecret);
        await using var driver = new StreamDriver(
            host =>
            {
                host.WithSetting("Notifications:Webhooks:Url", receiver.Url)
                    .WithSetting("Notifications:Webhooks:Secrets:0", WebhookHost.OldSecret)
                    .WithSetting("Notifications:PollInterval", "00:00:00.050");
                string[] schedule = ["00:00:00", "00:00:00.010", "00:00:00.010", "00:00:00.010"];
                for (var i = 0; i < schedule.Length; i++)
                {
                    host.WithSetting($"Notifications:Webhooks:RetrySchedule:{i}", schedule[i]);
                }

                // What AddNotifications does once it calls AddWebhooks; a no-op then (the registration is idempotent).
                host.WithServices(WebhooksExtensions.Register);
            },
            output);
        await driver.Orders.ConnectAsync();
        // A live subscription keeps the account's trade_updates stream open, which is how the fill arrives.
        await driver.SubscribeAsync("app-alice");

        var placed = OrderDriver.Order(await driver.Orders.PlaceAsync(OrderDriver.MarketBuy("webhook-fill")));
        driver.Host.Control.ProcessNow();
        var orderId = Guid.Parse(placed.GetProperty("id").GetString()!);
        OutboxMessage? row = null;
        await Eventually.HoldsAsync(
            async () => (row = await WebhookRowAsync(driver.Host.Services, orderId)) is { State: OutboxState.Sent or OutboxState.Dead },
            () => $"the fill's webhook row is sent: {row?.State} {row?.LastError}\n{receiver.Output}");

        Assert.Equal((OutboxState.Sent, 4, "order.filled"), (row!.State, row.Attempts, row.EventType));
        var requests = new[] { await receiver.RequestAsync(1), await receiver.RequestAsync(2), await receiver.RequestAsync(3), await receiver.RequestAsync(4) };
        Assert.All(requests, r => Assert.Equal(row.DedupId, r.GetProperty("id").GetString()));
        Assert.All(requests, r => Assert.Equal(row.Payload, r.GetProperty("body").GetString()));
        Assert.All(requests, r => Assert.True(r.GetProperty("verified")[0].GetBoolean(), r.ToString()));
        Assert.Equal(["500", "500", "500", "200"], requests.Select(r => r.GetProperty("answer").GetString()));
        Assert.Contains($"\"orderId\":\"{orderId}\"", row.Payload, StringComparison.Ordinal);

        // Once taken, never again: a later event reaches the receiver as the fifth request, with its own id.
        await using (var db = await driver.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Add(new OutboxMessage
            {
                UserId = "app-alice", Channel = NotificationChannel.Webhook, DedupId = WebhookHost.NewWebhookId(), EventType = "test.marker",
                Payload = """{"type":"test.marker","timestamp":"2026-12-06T22:00:00Z","data":{}}""",
                CreatedAt = TimeProvider.System.GetUtcNow(), NextAttemptAt = TimeProvider.System.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var fifth = await receiver.RequestAsync(5);
        Assert.NotEqual(row.DedupId, fifth.GetProperty("id").GetString());
        Assert.DoesNotContain(receiver.Unclaimed, a => a.TryGetProperty("id", out var id) && id.GetString() == row.DedupId);
    }

    private static async Task<OutboxMessage?> WebhookRowAsync(IServiceProvider services, Guid orderId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.OrderId == orderId && m.Channel == NotificationChannel.Webhook);
    }
}
