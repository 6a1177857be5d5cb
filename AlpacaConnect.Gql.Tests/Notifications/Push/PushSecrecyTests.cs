using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>Every log line of a host that sent through all three providers, at Trace level, holds no credential.</summary>
public sealed class PushSecrecyTests(PushHost host) : IClassFixture<PushHost>
{
    [Fact]
    public async Task NoKeyTokenOrAccessTokenIsLoggedEvenAtTraceLevel()
    {
        var apns = PushHost.ApnsToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, apns, "apns"));
        await host.Sender(NotificationChannel.Apns).SendAsync(host.Notification(apns, "sandbox"), CancellationToken.None);
        await host.Sender(NotificationChannel.Apns).SendAsync(host.Notification(PushHost.ApnsToken(), "sandbox"), CancellationToken.None);
        await host.Sender(NotificationChannel.Fcm).SendAsync(host.Notification(PushHost.FcmToken()), CancellationToken.None);
        await host.Sender(NotificationChannel.Expo).SendAsync(host.Notification(PushHost.ExpoToken()), CancellationToken.None);
        var accessToken = await host.Service<FcmAccessTokens>().Credential().GetAccessTokenForRequestAsync();

        var logs = host.Logs.Text;

        Assert.Contains("APNs push", logs, StringComparison.Ordinal); // the capture did see the senders
        Assert.DoesNotContain(PemBody(host.ApnsPrivateKey), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(PemBody(host.FcmPrivateKey), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(host.ExpoAccessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(accessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", logs, StringComparison.Ordinal); // no JWT (APNs provider token, Google assertion)
        // The device token is no secret but reaches the device: the sender never logs it. The fake APNs's own request
        // scope (the receiving side, Apple's in production) is the one place it appears.
        var sendingSide = string.Join('\n', logs.Split('\n').Where(line => !line.Contains("RequestPath:/sandbox/push/", StringComparison.Ordinal)));
        Assert.DoesNotContain(apns, sendingSide, StringComparison.Ordinal);
    }

    /// <summary>The first line of the key's base64, which any leak of the key would contain.</summary>
    private static string PemBody(string pem) => pem.Split('\n')[1].Trim();
}
