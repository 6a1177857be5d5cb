using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Webhooks;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Tests.Notifications.Webhooks;

public sealed class WebhookOptionsTests
{
    private const string Section = "Notifications:Webhooks";

    [Fact]
    public async Task WithNothingConfiguredWebhooksAreOffAndTheAppStarts()
    {
        await using var host = WebhookHost.Build(new Dictionary<string, string?>());

        host.ValidateAsAtStart();

        Assert.False(host.Sender.IsConfigured);
    }

    [Fact]
    public async Task TheSenderIsTheOneNotificationSenderForTheWebhookChannel()
    {
        await using var host = WebhookHost.For("https://hooks.example.com/", WebhookHost.OldSecret);

        var sender = Assert.Single(host.Services.GetServices<INotificationSender>());

        Assert.Equal(NotificationChannel.Webhook, sender.Channel);
        Assert.Same(host.Sender, sender);
        Assert.True(sender.IsConfigured);
    }

    [Theory]
    [InlineData("https://hooks.example.com/alpaca", null, "Url and Notifications:Webhooks:Secrets must be set together")]
    [InlineData(null, WebhookHost.OldSecret, "Url and Notifications:Webhooks:Secrets must be set together")]
    [InlineData("/relative", WebhookHost.OldSecret, "Url must be an absolute http(s) URL")]
    [InlineData("ftp://hooks.example.com/", WebhookHost.OldSecret, "Url must be an absolute http(s) URL")]
    [InlineData("https://user:pw@hooks.example.com/", WebhookHost.OldSecret, "Url must not carry credentials")]
    [InlineData("https://hooks.example.com/", "whsec_c2hvcnQta2V5LW9mLTIwLWJ5dGU=", "Secrets:0 must decode to 24 to 64 bytes")]
    [InlineData("https://hooks.example.com/", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "Secrets:0 must start with whsec_")]
    public async Task AHalfOrBrokenConfigurationStopsTheStartNamingTheSettingButNotTheSecret(string? url, string? secret, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (url is not null)
        {
            settings[$"{Section}:Url"] = url;
        }

        if (secret is not null)
        {
            settings[$"{Section}:Secrets:0"] = secret;
        }

        await using var host = WebhookHost.Build(settings);

        var failure = OptionsFailure.Of(host.ValidateAsAtStart);

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQta2V5LW9mLTIwLWJ5dGU=", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopmentThePlainHttpUrlIsRefusedAndHttpsIsTaken()
    {
        await using var plain = WebhookHost.Build(
            new Dictionary<string, string?> { [$"{Section}:Url"] = "http://hooks.example.com/", [$"{Section}:Secrets:0"] = WebhookHost.OldSecret }, "Production");
        await using var secure = WebhookHost.Build(
            new Dictionary<string, string?> { [$"{Section}:Url"] = "https://hooks.example.com/", [$"{Section}:Secrets:0"] = WebhookHost.OldSecret }, "Production");

        Assert.Contains("Url must use https outside Development", OptionsFailure.Of(plain.ValidateAsAtStart).Message, StringComparison.Ordinal);
        secure.ValidateAsAtStart();
        Assert.True(secure.Sender.IsConfigured);
    }

    [Fact]
    public async Task ThreeSecretsAreOneTooMany()
    {
        await using var host = WebhookHost.Build(new Dictionary<string, string?>
        {
            [$"{Section}:Url"] = "https://hooks.example.com/",
            [$"{Section}:Secrets:0"] = WebhookHost.OldSecret,
            [$"{Section}:Secrets:1"] = WebhookHost.NewSecret,
            [$"{Section}:Secrets:2"] = WebhookHost.WrongSecret,
        });

        Assert.Contains("at most 2", OptionsFailure.Of(host.ValidateAsAtStart).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesFollowTheSpecsExampleScheduleAndGiveUpAfterItsLastEntry()
    {
        await using var host = WebhookHost.For("https://hooks.example.com/", WebhookHost.OldSecret);
        var sender = host.Sender;

        TimeSpan?[] delays = [.. Enumerable.Range(1, 10).Select(sender.RetryDelay)];

        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
             TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24), null],
            delays);
        Assert.Equal(TimeSpan.FromSeconds(15), host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
    }

    [Fact]
    public async Task AConfiguredScheduleReplacesTheDefaultRatherThanExtendingIt()
    {
        await using var host = WebhookHost.Build(new Dictionary<string, string?>
        {
            [$"{Section}:Url"] = "https://hooks.example.com/",
            [$"{Section}:Secrets:0"] = WebhookHost.OldSecret,
            [$"{Section}:RetrySchedule:0"] = "00:00:00",
            [$"{Section}:RetrySchedule:1"] = "00:00:00.010",
        });
        host.ValidateAsAtStart();

        Assert.Equal(TimeSpan.FromMilliseconds(10), host.Sender.RetryDelay(1));
        Assert.Null(host.Sender.RetryDelay(2));
    }

    [Fact]
    public async Task AScheduleWhoseFirstAttemptWaitsIsRefused()
    {
        await using var host = WebhookHost.Build(new Dictionary<string, string?>
        {
            [$"{Section}:Url"] = "https://hooks.example.com/",
            [$"{Section}:Secrets:0"] = WebhookHost.OldSecret,
            [$"{Section}:RetrySchedule:0"] = "00:00:05",
        });

        Assert.Contains("RetrySchedule:0 is the first attempt", OptionsFailure.Of(host.ValidateAsAtStart).Message, StringComparison.Ordinal);
    }
}
