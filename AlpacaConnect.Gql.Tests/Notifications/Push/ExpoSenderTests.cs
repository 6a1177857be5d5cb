using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>The Expo sender against the embedded fake Expo push API.</summary>
public sealed class ExpoSenderTests(PushHost host) : IClassFixture<PushHost>
{
    private INotificationSender Sender => host.Sender(NotificationChannel.Expo);

    [Fact]
    public async Task AnOkTicketIsDeliveredWithItsReceiptIdAndTheDedupIdInData()
    {
        var token = PushHost.ExpoToken();
        var row = host.Notification(token, collapseKey: "order-7b0b6a52");

        var outcome = await Sender.SendAsync(row, CancellationToken.None);

        var delivered = Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.True(Guid.TryParse(delivered.ProviderId, out _));
        var delivery = Assert.Single(host.Fakes.Deliveries(FakeExpo.Provider, token));
        Assert.Equal((row.DedupId, "order-7b0b6a52", "Order filled"), (delivery.Id, delivery.CollapseKey, delivery.Title));
        Assert.Equal(row.DedupId, delivery.Data["notificationId"]);
    }

    [Fact]
    public void TheMessageIsOneRecipientAtHighPriority()
    {
        var row = host.Notification("ExponentPushToken[x]");

        var message = ExpoSender.Message(row, row.Device!, PushPayloads.Read(row.Payload)!);

        Assert.Equal("ExponentPushToken[x]", message["to"]!.GetValue<string>());
        Assert.Equal("high", message["priority"]!.GetValue<string>());
        Assert.Null(message["collapseId"]);
    }

    [Fact]
    public async Task ADeviceNotRegisteredTicketIsADeadToken()
    {
        var token = PushHost.ExpoToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, token, FakeExpo.Provider));

        Assert.Equal(new SendOutcome.TokenDead("DeviceNotRegistered"), await Sender.SendAsync(host.Notification(token), CancellationToken.None));
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterExposRetryAfter()
    {
        var token = PushHost.ExpoToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.RateLimited, token, FakeExpo.Provider, Times: 1, RetryAfterSeconds: 7));

        Assert.Equal(new SendOutcome.Retry("TOO_MANY_REQUESTS", TimeSpan.FromSeconds(7)), await Sender.SendAsync(host.Notification(token), CancellationToken.None));
        Assert.IsType<SendOutcome.Delivered>(await Sender.SendAsync(host.Notification(token), CancellationToken.None));
    }

    [Fact]
    public async Task AServerErrorIsRetried()
    {
        var token = PushHost.ExpoToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.Unavailable, token, FakeExpo.Provider, Times: 1));

        Assert.Equal(new SendOutcome.Retry("INTERNAL_SERVER_ERROR"), await Sender.SendAsync(host.Notification(token), CancellationToken.None));
    }
}
