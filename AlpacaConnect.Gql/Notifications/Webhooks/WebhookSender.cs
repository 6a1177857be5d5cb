using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Webhooks;

/// <summary>
/// One Standard Webhooks delivery attempt to the operator's endpoint. Every attempt is signed afresh with the current
/// time (the receiver rejects timestamps older than about five minutes), while the body and <c>webhook-id</c> stay the
/// same so the receiver can deduplicate. Redirects are not followed: a 3xx is a failure (facts 4.1).
/// </summary>
internal sealed partial class WebhookSender(
    IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookSender> logger) : INotificationSender
{
    public const string HttpClientName = "Webhooks";

    private readonly Lazy<WebhookSigner?> _signer = new(() => options.Value.IsConfigured ? new WebhookSigner(options.Value.Secrets) : null);

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (_signer.Value is not { } signer)
        {
            return new SendOutcome.Failed("webhooks not configured");
        }

        var body = Encoding.UTF8.GetBytes(notification.Payload);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Id, notification.DedupId);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, signer.Sign(notification.DedupId, timestamp, body));

        // The timeout runs on the app's clock, so a test can make an attempt time out without waiting.
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var outcome = OutcomeOf(response);
            LogAttempt(logger, notification.DedupId, notification.Attempt, (int)response.StatusCode, outcome.GetType().Name);
            return outcome;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, notification.DedupId, notification.Attempt, "timeout");
            return new SendOutcome.Retry("timeout");
        }
        catch (HttpRequestException exception)
        {
            // The exception's message may carry the URL (and so whatever the operator put in it); the error kind does not.
            var reason = $"network error: {exception.HttpRequestError}";
            LogFailure(logger, notification.DedupId, notification.Attempt, reason);
            return new SendOutcome.Retry(reason);
        }
    }

    public TimeSpan? RetryDelay(int failedAttempts)
    {
        var schedule = options.Value.Schedule;
        return failedAttempts >= 1 && failedAttempts < schedule.Count ? schedule[failedAttempts] : null;
    }

    private SendOutcome OutcomeOf(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            _ when status is >= 200 and < 300 => new SendOutcome.Delivered(null),
            // The spec says disable the endpoint; here the event is dead-lettered and the operator redelivers it.
            HttpStatusCode.Gone => new SendOutcome.Failed("endpoint gone (410)"),
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
                new SendOutcome.Retry($"throttled ({status})", RetryAfter(response)),
            _ when status is >= 300 and < 400 => new SendOutcome.Retry($"redirect not followed ({status})"),
            _ => new SendOutcome.Retry($"http {status}"),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (delay is not { } value)
        {
            return null;
        }

        // A date in the past means now; a day is the longest the spec's own schedule ever waits.
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} attempt {Attempt}: HTTP {Status}, {Outcome}")]
    private static partial void LogAttempt(ILogger logger, string webhookId, int attempt, int status, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} attempt {Attempt} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string webhookId, int attempt, string reason);
}

/// <summary>The Standard Webhooks header names.</summary>
internal static class WebhookHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";
}
