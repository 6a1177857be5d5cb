using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>The FCM HTTP v1 sender against the embedded fake FCM and Google token endpoint.</summary>
public sealed class FcmSenderTests(PushHost host) : IClassFixture<PushHost>
{
    private INotificationSender Sender => host.Sender(NotificationChannel.Fcm);

    [Fact]
    public async Task AMessageCarriesTheNotificationStringDataAndTheCollapseKeyForAndroidAndApns()
    {
        var token = PushHost.FcmToken();
        var row = host.Notification(token, collapseKey: "order-7b0b6a52");

        var outcome = await Sender.SendAsync(row, CancellationToken.None);

        var delivered = Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.StartsWith("projects/alpaca-test/messages/", delivered.ProviderId);
        var delivery = Assert.Single(host.Fakes.Deliveries(FakeFcm.Provider, token));
        Assert.Equal((row.DedupId, "order-7b0b6a52", "Order filled"), (delivery.Id, delivery.CollapseKey, delivery.Title));
        Assert.Equal(row.DedupId, delivery.Data["notificationId"]);
        Assert.Equal("order.filled", delivery.Data["type"]);
    }

    [Fact]
    public void TheMessageJsonIsTheV1Shape()
    {
        var row = host.Notification("t", collapseKey: "order-1");

        var message = FcmSender.Message(row, row.Device!, PushPayloadsRead(row))["message"]!;

        Assert.Equal("HIGH", message["android"]!["priority"]!.GetValue<string>());
        Assert.Equal("order-1", message["android"]!["collapseKey"]!.GetValue<string>());
        Assert.Equal("order-1", message["apns"]!["headers"]!["apns-collapse-id"]!.GetValue<string>());
        Assert.Equal("alert", message["apns"]!["headers"]!["apns-push-type"]!.GetValue<string>());
        Assert.All(message["data"]!.AsObject(), pair => Assert.Equal(System.Text.Json.JsonValueKind.String, pair.Value!.GetValueKind()));
    }

    [Fact]
    public async Task OneAccessTokenServesManySends()
    {
        await Sender.SendAsync(host.Notification(PushHost.FcmToken()), CancellationToken.None);
        var before = host.Fakes.OAuthTokenRequests;

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<SendOutcome.Delivered>(await Sender.SendAsync(host.Notification(PushHost.FcmToken()), CancellationToken.None));
        }

        Assert.Equal(before, host.Fakes.OAuthTokenRequests);
        Assert.True(before >= 1);
    }

    [Fact]
    public async Task UnauthenticatedFetchesANewAccessTokenAndSendsOnceMore()
    {
        var token = PushHost.FcmToken();
        await Sender.SendAsync(host.Notification(PushHost.FcmToken()), CancellationToken.None);
        await host.FaultAsync(new PushFaultRule(PushFaultKind.CredentialExpired, token, FakeFcm.Provider, Times: 1));
        var before = host.Fakes.OAuthTokenRequests;

        var outcome = await Sender.SendAsync(host.Notification(token), CancellationToken.None);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(before + 1, host.Fakes.OAuthTokenRequests);
    }

    [Fact]
    public async Task UnregisteredAndAnInvalidTokenAreDeadTokens()
    {
        var unregistered = PushHost.FcmToken();
        var invalid = PushHost.FcmToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, unregistered, FakeFcm.Provider));
        await host.FaultAsync(new PushFaultRule(PushFaultKind.BadToken, invalid, FakeFcm.Provider));

        Assert.Equal(new SendOutcome.TokenDead("UNREGISTERED"), await Sender.SendAsync(host.Notification(unregistered), CancellationToken.None));
        Assert.Equal(new SendOutcome.TokenDead("INVALID_ARGUMENT"), await Sender.SendAsync(host.Notification(invalid), CancellationToken.None));
    }

    [Fact]
    public async Task ANumberInDataIsGooglesTypeStringBadRequestNotAnFcmError()
    {
        var row = host.Notification(PushHost.FcmToken());
        var message = FcmSender.Message(row, row.Device!, PushPayloadsRead(row));
        message["message"]!["data"]!["count"] = 12; // a number: FCM's TYPE_STRING error (facts 2, pitfalls)
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        // The fake's answer to the pitfall, which the sender maps: a BadRequest detail, not an FcmError about the token.
        var credential = host.Service<FcmAccessTokens>().Credential();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/push/fcm/v1/projects/alpaca-test/messages:send") { Content = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", await credential.GetAccessTokenForRequestAsync());
        using var response = await client.SendAsync(request);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", error["status"]!.GetValue<string>());
        Assert.Contains("TYPE_STRING", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", error["details"]![0]!["@type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(PushFaultKind.RateLimited, "QUOTA_EXCEEDED", 60)]
    [InlineData(PushFaultKind.Unavailable, "UNAVAILABLE", 30)]
    [InlineData(PushFaultKind.ServerError, "INTERNAL", null)]
    public async Task QuotaAndServerTroubleAreRetriedHonouringRetryAfter(PushFaultKind kind, string code, int? retryAfter)
    {
        var token = PushHost.FcmToken();
        await host.FaultAsync(new PushFaultRule(kind, token, FakeFcm.Provider, Times: 1, RetryAfterSeconds: retryAfter));

        var outcome = await Sender.SendAsync(host.Notification(token), CancellationToken.None);

        Assert.Equal(new SendOutcome.Retry(code, retryAfter is { } s ? TimeSpan.FromSeconds(s) : null), outcome);
    }

    private static PushContent PushPayloadsRead(OutgoingNotification row) => PushPayloads.Read(row.Payload)!;
}
