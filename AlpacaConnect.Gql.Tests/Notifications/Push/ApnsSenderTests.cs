using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>The APNs sender against the embedded fake APNs, over real HTTP/2 (h2c) on loopback.</summary>
public sealed class ApnsSenderTests(PushHost host) : IClassFixture<PushHost>
{
    private INotificationSender Sender => host.Sender(NotificationChannel.Apns);

    [Fact]
    public async Task AnAlertArrivesOverHttp2WithApplesHeadersAndTheDedupIdAsApnsId()
    {
        var token = PushHost.ApnsToken();
        var row = host.Notification(token, "sandbox", collapseKey: "order-7b0b6a52");

        var outcome = await Sender.SendAsync(row, CancellationToken.None);

        Assert.Equal(new SendOutcome.Delivered(row.DedupId), outcome);
        var delivery = Assert.Single(host.Fakes.Deliveries(FakeApns.Provider, token));
        Assert.Equal("HTTP/2", delivery.Protocol);
        Assert.Equal(row.DedupId, delivery.Id);
        Assert.Equal("order-7b0b6a52", delivery.CollapseKey);
        Assert.Equal(("Order filled", "Open the app to see the details."), (delivery.Title, delivery.Body));
        Assert.Equal("order.filled", delivery.Data["type"]);
    }

    [Fact]
    public async Task TheSameDedupIdSentTwiceShowsOnceOnTheDevice()
    {
        var token = PushHost.ApnsToken();
        var row = host.Notification(token, "production");

        await Sender.SendAsync(row, CancellationToken.None);
        await Sender.SendAsync(row, CancellationToken.None);

        Assert.Equal(2, host.Fakes.Deliveries(FakeApns.Provider, token).Count);
        Assert.Single(host.Fakes.DeviceView(FakeApns.Provider, token));
    }

    [Fact]
    public async Task UnregisteredIsADeadTokenSinceApplesTimestamp()
    {
        var token = PushHost.ApnsToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, token, FakeApns.Provider));

        var outcome = await Sender.SendAsync(host.Notification(token, "sandbox"), CancellationToken.None);

        var dead = Assert.IsType<SendOutcome.TokenDead>(outcome);
        Assert.Equal("Unregistered", dead.Reason);
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeMilliseconds(), dead.InvalidSince?.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task BadDeviceTokenIsDeadOnlyWhenTheDevicesEnvironmentIsKnown()
    {
        var known = PushHost.ApnsToken();
        var unknown = PushHost.ApnsToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.BadToken, known, FakeApns.Provider));
        await host.FaultAsync(new PushFaultRule(PushFaultKind.BadToken, unknown, FakeApns.Provider));

        Assert.IsType<SendOutcome.TokenDead>(await Sender.SendAsync(host.Notification(known, "production"), CancellationToken.None));
        Assert.Equal(new SendOutcome.Failed("BadDeviceToken"), await Sender.SendAsync(host.Notification(unknown, null), CancellationToken.None));
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterTheRetryAfterApnsGave()
    {
        var token = PushHost.ApnsToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.RateLimited, token, FakeApns.Provider, Times: 1, RetryAfterSeconds: 42));

        var first = await Sender.SendAsync(host.Notification(token, "sandbox"), CancellationToken.None);
        var second = await Sender.SendAsync(host.Notification(token, "sandbox"), CancellationToken.None);

        Assert.Equal(new SendOutcome.Retry("TooManyRequests", TimeSpan.FromSeconds(42)), first);
        Assert.IsType<SendOutcome.Delivered>(second);
    }

    [Theory]
    [InlineData(PushFaultKind.Unavailable, "ServiceUnavailable")]
    [InlineData(PushFaultKind.ServerError, "InternalServerError")]
    public async Task ServerTroubleIsRetried(PushFaultKind kind, string reason)
    {
        var token = PushHost.ApnsToken();
        await host.FaultAsync(new PushFaultRule(kind, token, FakeApns.Provider, Times: 1));

        Assert.Equal(new SendOutcome.Retry(reason), await Sender.SendAsync(host.Notification(token, "sandbox"), CancellationToken.None));
    }

    [Fact]
    public async Task ACollapseIdOverAppleLimitIsFailedNotRetried()
    {
        var outcome = await Sender.SendAsync(host.Notification(PushHost.ApnsToken(), "sandbox", collapseKey: new string('c', 65)), CancellationToken.None);

        Assert.Equal(new SendOutcome.Failed("BadCollapseId"), outcome);
    }

    [Fact]
    public void BackoffGrowsAndGivesUpAfterTheConfiguredAttempts()
    {
        var first = Sender.RetryDelay(1);
        var fifth = Sender.RetryDelay(5);

        Assert.InRange(first!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(fifth!.Value, TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(32));
        Assert.Null(Sender.RetryDelay(10));
    }
}
