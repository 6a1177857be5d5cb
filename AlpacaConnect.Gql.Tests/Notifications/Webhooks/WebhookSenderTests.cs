using System.Text.Json;
using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Notifications.Webhooks;

/// <summary>
/// The sender against a receiver built on the reference npm library <c>standardwebhooks</c>: what it accepts is what
/// the operator's backend, written against any conforming library, accepts.
/// </summary>
public sealed class WebhookSenderTests
{
    private static void AssertVerified(JsonElement request, params bool[] expected)
    {
        var verified = request.GetProperty("verified").EnumerateArray().ToList();
        Assert.Equal(expected.Length, verified.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == (verified[i].ValueKind == JsonValueKind.True), $"secret {i}: {verified[i]}");
        }
    }

    [Fact]
    public async Task ARequestCarriesThePayloadBytesAsTheyAreAndVerifiesInTheReferenceLibrary()
    {
        await using var receiver = await WebhookReceiver.StartAsync("200", WebhookHost.OldSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret);
        var id = WebhookHost.NewWebhookId();
        // Spacing and key order a re-serialiser would change: the signature covers the bytes as sent.
        const string payload = """{"type":"order.filled", "timestamp":"2026-12-06T22:00:00Z","data":{"sequence":7,"userId":"app-alice","note":"caf\u00e9 ✓"}}""";

        var outcome = await host.Sender.SendAsync(WebhookHost.Row(id, payload: payload), CancellationToken.None);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        var request = await receiver.RequestAsync(1);
        Assert.Equal("POST", request.GetProperty("method").GetString());
        Assert.Equal(id, request.GetProperty("id").GetString());
        Assert.Equal(payload, request.GetProperty("body").GetString());
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.GetProperty("timestamp").GetString());
        Assert.StartsWith("application/json", request.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        AssertVerified(request, true);
    }

    [Fact]
    public async Task DuringARotationAReceiverWithOnlyTheOldSecretAndOneWithOnlyTheNewBothVerifyAndAWrongSecretFails()
    {
        await using var receiver = await WebhookReceiver.StartAsync("200", WebhookHost.OldSecret, WebhookHost.NewSecret, WebhookHost.WrongSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret, WebhookHost.NewSecret);

        await host.Sender.SendAsync(WebhookHost.Row(WebhookHost.NewWebhookId()), CancellationToken.None);

        var request = await receiver.RequestAsync(1);
        Assert.Equal(2, request.GetProperty("signature").GetString()!.Split(' ').Length);
        AssertVerified(request, true, true, false);
        Assert.Contains("No matching signature found", request.GetProperty("verified")[2].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedBodyOrIdFailsVerificationWhileTheUntouchedCopyPasses()
    {
        await using var receiver = await WebhookReceiver.StartAsync("200", WebhookHost.OldSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret);
        await host.Sender.SendAsync(WebhookHost.Row(WebhookHost.NewWebhookId()), CancellationToken.None);
        var sent = await receiver.RequestAsync(1);
        var (body, id, timestamp, signature) = (sent.GetProperty("body").GetString()!, sent.GetProperty("id").GetString()!,
            sent.GetProperty("timestamp").GetString()!, sent.GetProperty("signature").GetString()!);

        var untouched = await receiver.ReplayAsync(body, id, timestamp, signature);
        var tamperedBody = await receiver.ReplayAsync(body.Replace("\"sequence\":7", "\"sequence\":8", StringComparison.Ordinal), id, timestamp, signature);
        var tamperedId = await receiver.ReplayAsync(body, WebhookHost.NewWebhookId(), timestamp, signature);

        Assert.Equal(JsonValueKind.True, untouched[0].ValueKind);
        Assert.Contains("No matching signature found", tamperedBody[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("No matching signature found", tamperedId[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAttemptKeepsTheIdAndBodyButIsStampedAndSignedAfresh()
    {
        await using var receiver = await WebhookReceiver.StartAsync("500,200", WebhookHost.OldSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret);
        var id = WebhookHost.NewWebhookId();
        var row = WebhookHost.Row(id);

        var first = await host.Sender.SendAsync(row, CancellationToken.None);
        host.Time.Advance(host.Sender.RetryDelay(1)!.Value);
        var second = await host.Sender.SendAsync(row with { Attempt = 2 }, CancellationToken.None);

        Assert.Equal(new SendOutcome.Retry("http 500"), first);
        Assert.IsType<SendOutcome.Delivered>(second);
        var (one, two) = (await receiver.RequestAsync(1), await receiver.RequestAsync(2));
        Assert.Equal([id, id], new[] { one, two }.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(one.GetProperty("body").GetString(), two.GetProperty("body").GetString());
        Assert.Equal(5, long.Parse(two.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            - long.Parse(one.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(one.GetProperty("signature").GetString(), two.GetProperty("signature").GetString());
        AssertVerified(one, true);
        AssertVerified(two, true);
    }

    [Fact]
    public async Task EachAnswerMapsToTheSpecsOutcomeAndARedirectIsNotFollowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync("204,410,429@7,503,502,504,301,400,500", WebhookHost.OldSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret);
        var outcomes = new List<SendOutcome>();

        for (var attempt = 1; attempt <= 9; attempt++)
        {
            outcomes.Add(await host.Sender.SendAsync(WebhookHost.Row(WebhookHost.NewWebhookId(), attempt), CancellationToken.None));
        }

        Assert.Equal<SendOutcome>(
        [
            new SendOutcome.Delivered(null),
            new SendOutcome.Failed("endpoint gone (410)"),
            new SendOutcome.Retry("throttled (429)", TimeSpan.FromSeconds(7)),
            new SendOutcome.Retry("throttled (503)"),
            new SendOutcome.Retry("throttled (502)"),
            new SendOutcome.Retry("throttled (504)"),
            new SendOutcome.Retry("redirect not followed (301)"),
            new SendOutcome.Retry("http 400"),
            new SendOutcome.Retry("http 500"),
        ], outcomes);
        // Nine sends, nine requests: the 301's Location was never asked for.
        Assert.Equal(9, (await receiver.RequestAsync(9)).GetProperty("request").GetInt32());
    }

    [Fact]
    public async Task AnAttemptThatOutlastsTheTimeoutIsRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync("hang", WebhookHost.OldSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret);

        var sending = host.Sender.SendAsync(WebhookHost.Row(WebhookHost.NewWebhookId()), CancellationToken.None);
        await receiver.RequestAsync(1);
        Assert.False(sending.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(new SendOutcome.Retry("timeout"), await sending);
    }

    [Fact]
    public async Task AnEndpointNobodyListensOnIsRetried()
    {
        await using var host = WebhookHost.For($"http://127.0.0.1:{ApiFactory.FreeLoopbackPort()}/hooks", WebhookHost.OldSecret);

        var outcome = await host.Sender.SendAsync(WebhookHost.Row(WebhookHost.NewWebhookId()), CancellationToken.None);

        Assert.Equal(new SendOutcome.Retry("network error: ConnectionError"), outcome);
    }

    [Fact]
    public async Task NoSecretReachesTheLogs()
    {
        await using var receiver = await WebhookReceiver.StartAsync("500,200", WebhookHost.OldSecret);
        await using var host = WebhookHost.For(receiver.Url, WebhookHost.OldSecret, WebhookHost.NewSecret);
        var row = WebhookHost.Row(WebhookHost.NewWebhookId());

        await host.Sender.SendAsync(row, CancellationToken.None);
        await host.Sender.SendAsync(row with { Attempt = 2 }, CancellationToken.None);
        var signature = (await receiver.RequestAsync(1)).GetProperty("signature").GetString()!;

        Assert.Contains(row.DedupId, host.Logs.Text, StringComparison.Ordinal);
        foreach (var secret in new[] { WebhookHost.OldSecret, WebhookHost.NewSecret })
        {
            Assert.DoesNotContain(secret["whsec_".Length..], host.Logs.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(signature.Split(' ')[0][3..], host.Logs.Text, StringComparison.Ordinal);
    }
}
