using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>The provider JWT on a controlled clock: one per ~50 minutes, never one per request (facts 1.3).</summary>
public sealed class ApnsProviderTokenTests(PushHost host) : IClassFixture<PushHost>
{
    private INotificationSender Sender => host.Sender(NotificationChannel.Apns);

    [Fact]
    public async Task ManySendsUseOneTokenAndAfterFiftyMinutesANewOne()
    {
        host.Time.Advance(TimeSpan.FromMinutes(60)); // whatever token another test left is too old now
        var before = host.Fakes.DistinctProviderTokens;
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<SendOutcome.Delivered>(await Sender.SendAsync(host.Notification(PushHost.ApnsToken(), "sandbox"), CancellationToken.None));
        }

        var afterFive = host.Fakes.DistinctProviderTokens;
        host.Time.Advance(TimeSpan.FromMinutes(49));
        await Sender.SendAsync(host.Notification(PushHost.ApnsToken(), "sandbox"), CancellationToken.None);
        var atFortyNine = host.Fakes.DistinctProviderTokens;
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Sender.SendAsync(host.Notification(PushHost.ApnsToken(), "production"), CancellationToken.None);

        Assert.Equal(before + 1, afterFive);
        Assert.Equal(afterFive, atFortyNine);
        Assert.Equal(afterFive + 1, host.Fakes.DistinctProviderTokens);
    }

    [Fact]
    public async Task ExpiredProviderTokenMintsANewOneAndSendsAgainOnceButNotWithinTwentyMinutes()
    {
        var token = PushHost.ApnsToken();
        await Sender.SendAsync(host.Notification(PushHost.ApnsToken(), "sandbox"), CancellationToken.None);
        await host.FaultAsync(new PushFaultRule(PushFaultKind.CredentialExpired, token, FakeApns.Provider, Times: 1));
        var young = await Sender.SendAsync(host.Notification(token, "sandbox"), CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(25));
        await host.FaultAsync(new PushFaultRule(PushFaultKind.CredentialExpired, token, FakeApns.Provider, Times: 1));
        var before = host.Fakes.DistinctProviderTokens;
        var old = await Sender.SendAsync(host.Notification(token, "sandbox"), CancellationToken.None);

        Assert.Equal(new SendOutcome.Retry("ExpiredProviderToken"), young);
        Assert.IsType<SendOutcome.Delivered>(old);
        Assert.Equal(before + 1, host.Fakes.DistinctProviderTokens);
    }
}
