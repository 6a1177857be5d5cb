using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// One alert push over APNs' HTTP/2 provider API (facts 1.2–1.5), to the host of the device's own environment.
/// </summary>
internal sealed class ApnsSender(
    IHttpClientFactory clients, ApnsProviderToken providerToken, IOptions<ApnsOptions> options, TimeProvider time, ILogger<ApnsSender> logger)
    : INotificationSender
{
    public const string HttpClientName = "push-apns";

    public NotificationChannel Channel => NotificationChannel.Apns;

    public bool IsConfigured => options.Value.IsConfigured;

    public TimeSpan? RetryDelay(int failedAttempts) => PushBackoff.Delay(options.Value.Retry, failedAttempts, Random.Shared);

    public Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
        PushSend.RunAsync("APNs", notification, logger, (device, content) => SendAsync(notification, device, content, cancellationToken), cancellationToken);

    private async Task<SendOutcome> SendAsync(OutgoingNotification notification, PushTarget device, PushContent content, CancellationToken cancellationToken)
    {
        var body = Body(content);
        var jwt = providerToken.Current();
        using var response = await PostAsync(notification, device, body, jwt, cancellationToken);
        var answer = await ReadAnswerAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden && answer.Reason == "ExpiredProviderToken")
        {
            if (providerToken.Replace(jwt) is not { } fresh)
            {
                return new SendOutcome.Retry("ExpiredProviderToken");
            }

            using var again = await PostAsync(notification, device, body, fresh, cancellationToken);
            return Map(again, await ReadAnswerAsync(again, cancellationToken), device);
        }

        return Map(response, answer, device);
    }

    private async Task<HttpResponseMessage> PostAsync(OutgoingNotification notification, PushTarget device, byte[] body, string jwt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseAddress = settings.BaseAddressFor(device.Environment).AbsoluteUri.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseAddress}/3/device/{Uri.EscapeDataString(device.Token)}")
        {
            // Exact: over https ALPN picks h2; over http (a loopback fake) it is h2c with prior knowledge (facts 1.1).
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", jwt);
        request.Headers.TryAddWithoutValidation("apns-topic", settings.Topic);
        request.Headers.TryAddWithoutValidation("apns-push-type", "alert");
        request.Headers.TryAddWithoutValidation("apns-priority", "10");
        request.Headers.TryAddWithoutValidation("apns-expiration", Expiration(settings).ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("apns-id", notification.DedupId);
        if (notification.CollapseKey is { } collapse)
        {
            request.Headers.TryAddWithoutValidation("apns-collapse-id", collapse);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        await response.Content.LoadIntoBufferAsync(timeout.Token);
        return response;
    }

    private long Expiration(ApnsOptions settings) =>
        settings.Expiration == TimeSpan.Zero ? 0 : (time.GetUtcNow() + settings.Expiration).ToUnixTimeSeconds();

    private static SendOutcome Map(HttpResponseMessage response, ApnsAnswer answer, PushTarget device)
    {
        var reason = answer.Reason ?? $"Http{(int)response.StatusCode}";
        return (int)response.StatusCode switch
        {
            200 => new SendOutcome.Delivered(response.Headers.TryGetValues("apns-id", out var ids) ? ids.FirstOrDefault() : null),
            410 => new SendOutcome.TokenDead(reason, answer.Timestamp is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null),
            // Also the answer for a token of the other environment: only a token whose environment we know went to its
            // own host, so only then does BadDeviceToken mean the token is bad (facts 1.5).
            400 when reason == "BadDeviceToken" => device.Environment is null ? new SendOutcome.Failed(reason) : new SendOutcome.TokenDead(reason),
            429 or 500 or 503 => new SendOutcome.Retry(reason, RetryAfter(response)),
            _ => new SendOutcome.Failed(reason),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta;

    private static async Task<ApnsAnswer> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return new ApnsAnswer(null, null);
        }

        try
        {
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var reason = json?["reason"]?.GetValue<string>();
            long? timestamp = json?["timestamp"] is JsonValue value && value.TryGetValue<long>(out var ms) ? ms : null;
            // A reason is Apple's code word; anything else is not echoed into logs or the outbox.
            return new ApnsAnswer(reason is { Length: <= 64 } && reason.All(char.IsAsciiLetterOrDigit) ? reason : null, timestamp);
        }
        catch (JsonException)
        {
            return new ApnsAnswer(null, null);
        }
    }

    private static byte[] Body(PushContent content)
    {
        var body = new JsonObject
        {
            ["aps"] = new JsonObject
            {
                ["alert"] = new JsonObject { ["title"] = content.Title, ["body"] = content.Body },
                ["sound"] = "default",
            },
        };
        // Custom keys go beside aps, never inside it (facts 1.4).
        foreach (var (key, value) in content.Data.Where(d => d.Key != "aps"))
        {
            body[key] = value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private sealed record ApnsAnswer(string? Reason, long? Timestamp);
}
