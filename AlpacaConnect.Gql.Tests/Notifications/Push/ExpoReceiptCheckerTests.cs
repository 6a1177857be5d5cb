using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Sandbox.Push;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>Expo receipts read after the delay: a DeviceNotRegistered receipt removes the device (facts 3.3).</summary>
public sealed class ExpoReceiptCheckerTests(PushHost host) : IClassFixture<PushHost>
{
    [Fact]
    public async Task ReceiptsAreReadAfterTheDelayOnceAndADeadOneRemovesItsDevice()
    {
        var alive = PushHost.ExpoToken();
        var dead = PushHost.ExpoToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadReceipt, dead, FakeExpo.Provider));
        var aliveRow = await SendAndRecordAsync(alive);
        var deadRow = await SendAndRecordAsync(dead);
        var checker = host.Service<ExpoReceiptChecker>();

        var early = await checker.CheckDueAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var due = await checker.CheckDueAsync(CancellationToken.None);
        var again = await checker.CheckDueAsync(CancellationToken.None);

        Assert.Equal((0, 2, 0), (early, due, again));
        var left = await host.Service<PushDeviceRegistry>().ListAsync("app-receipts", CancellationToken.None);
        Assert.Equal([alive], left.Select(d => d.Token));
        await using var db = await host.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.Set<OutboxMessage>().Where(m => m.Id == aliveRow.Id || m.Id == deadRow.Id).ToListAsync();
        Assert.All(rows, r => Assert.NotNull(r.ReceiptCheckedAt));
        Assert.Equal("DeviceNotRegistered", rows.Single(r => r.Id == deadRow.Id).LastError);
    }

    private async Task<OutboxMessage> SendAndRecordAsync(string token)
    {
        var device = await host.Service<PushDeviceRegistry>().RegisterAsync("app-receipts", PushPlatform.Expo, token, null, false, CancellationToken.None);
        var notification = host.Notification(token) with { Device = new PushTarget(device.Id, token, null, device.RegisteredAt) };
        var outcome = Assert.IsType<SendOutcome.Delivered>(await host.Sender(NotificationChannel.Expo).SendAsync(notification, CancellationToken.None));
        var row = new OutboxMessage
        {
            UserId = "app-receipts",
            Channel = NotificationChannel.Expo,
            DeviceId = notification.Device!.DeviceId,
            DedupId = notification.DedupId,
            EventType = notification.EventType,
            Payload = notification.Payload,
            State = OutboxState.Sent,
            Attempts = 1,
            CreatedAt = host.Time.GetUtcNow(),
            NextAttemptAt = host.Time.GetUtcNow(),
            SentAt = host.Time.GetUtcNow(),
            ProviderId = outcome.ProviderId,
        };
        await using var db = await host.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.Add(row);
        await db.SaveChangesAsync();
        return row;
    }
}
