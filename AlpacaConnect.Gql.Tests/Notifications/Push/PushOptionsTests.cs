using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>Each channel's settings are checked at start; a channel left out is simply off.</summary>
public sealed class PushOptionsTests
{
    [Fact]
    public void WithNoPushSettingsEveryChannelIsOff()
    {
        using var factory = new ApiFactory().WithServices(services => services.AddPushProviders());
        using var client = factory.CreateClient();

        var senders = factory.Services.GetServices<INotificationSender>().ToList();

        // The webhook channel is there too, and off the same way (WebhookOptionsTests).
        Assert.Equal([NotificationChannel.Apns, NotificationChannel.Fcm, NotificationChannel.Expo, NotificationChannel.Webhook], senders.Select(s => s.Channel).Order());
        Assert.All(senders, s => Assert.False(s.IsConfigured));
    }

    [Fact]
    public void AHalfConfiguredApnsDoesNotStartAndSaysWhatIsMissing()
    {
        using var factory = new ApiFactory()
            .WithSetting("Notifications:Apns:KeyId", "KEY1234567")
            .WithSetting("Notifications:Apns:Topic", "com.example.app")
            .WithServices(services => services.AddPushProviders());

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains("Notifications:Apns:TeamId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:Apns:PrivateKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApnsKeyThatIsNotAPemKeyDoesNotStartAndIsNotEchoed()
    {
        using var factory = new ApiFactory()
            .WithSetting("Notifications:Apns:KeyId", "KEY1234567")
            .WithSetting("Notifications:Apns:TeamId", "TEAM123456")
            .WithSetting("Notifications:Apns:Topic", "com.example.app")
            .WithSetting("Notifications:Apns:PrivateKey", "-----BEGIN PRIVATE KEY-----\nsecret-key-material-1\n-----END PRIVATE KEY-----")
            .WithServices(services => services.AddPushProviders());

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains("Notifications:Apns:PrivateKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-material-1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnFcmServiceAccountThatIsNotOneDoesNotStartAndIsNotEchoed()
    {
        using var factory = new ApiFactory()
            .WithSetting("Notifications:Fcm:ProjectId", "alpaca-test")
            .WithSetting("Notifications:Fcm:ServiceAccountJson", "{\"type\":\"service_account\",\"private_key\":\"secret-key-material-2\"}")
            .WithServices(services => services.AddPushProviders());

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains("Notifications:Fcm:ServiceAccountJson", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-material-2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ARetryCapShorterThanItsBaseDoesNotStart()
    {
        using var factory = new ApiFactory()
            .WithSetting("Notifications:Expo:Retry:BaseDelay", "00:01:00")
            .WithSetting("Notifications:Expo:Retry:MaxDelay", "00:00:10")
            .WithServices(services => services.AddPushProviders());

        var error = OptionsFailure.Of(() => factory.CreateClient());

        Assert.Contains("Notifications:Expo:Retry:MaxDelay", error.Message, StringComparison.Ordinal);
    }
}
