using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>One message through FCM HTTP v1 (<c>projects.messages.send</c>, facts 2.1–2.3), our own call on HttpClient.</summary>
internal sealed class FcmSender(
    IHttpClientFactory clients, FcmAccessTokens tokens, IOptions<FcmOptions> options, TimeProvider time, ILogger<FcmSender> logger)
    : INotificationSender
{
    public const string HttpClientName = "push-fcm";

    private const string FcmErrorType = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    public NotificationChannel Channel => NotificationChannel.Fcm;

    public bool IsConfigured => options.Value.IsConfigured;

    public TimeSpan? RetryDelay(int failedAttempts) => PushBackoff.Delay(options.Value.Retry, failedAttempts, Random.Shared);

    public Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
        PushSend.RunAsync("FCM", notification, logger, (device, content) => SendAsync(notification, device, content, cancellationToken), cancellationToken);

    private async Task<SendOutcome> SendAsync(OutgoingNotification notification, PushTarget device, PushContent content, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Message(notification, device, content));
        try
        {
            var credential = tokens.Credential();
            var (status, answer, response) = await PostAsync(credential, body, cancellationToken);
            using (response)
            {
                // A refused OAuth token (not THIRD_PARTY_AUTH_ERROR, which is the APNs key uploaded to Firebase): one
                // new token and one more try (facts 2.3).
                if (status == HttpStatusCode.Unauthorized && answer.Status == "UNAUTHENTICATED")
                {
                    tokens.Renew(credential);
                    var (_, again, retried) = await PostAsync(tokens.Credential(), body, cancellationToken);
                    using (retried)
                    {
                        return Map(retried, again);
                    }
                }

                return Map(response, answer);
            }
        }
        catch (Google.Apis.Auth.OAuth2.Responses.TokenResponseException e)
        {
            // The token endpoint refused the service account: configuration; its error code only, never the key.
            return new SendOutcome.Retry($"OAuth: {e.Error?.Error ?? "refused"}");
        }
    }

    private async Task<(HttpStatusCode, FcmAnswer, HttpResponseMessage)> PostAsync(ITokenAccess credential, byte[] body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var accessToken = await credential.GetAccessTokenForRequestAsync(cancellationToken: timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.BaseAddress.AbsoluteUri.TrimEnd('/')}/v1/projects/{settings.ProjectId}/messages:send")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return (response.StatusCode, FcmAnswer.Parse(text), response);
    }

    internal static JsonObject Message(OutgoingNotification notification, PushTarget device, PushContent content)
    {
        var data = new JsonObject();
        foreach (var (key, value) in content.Data)
        {
            data[key] = value;
        }

        data[PushPayloads.NotificationIdKey] = notification.DedupId;
        var android = new JsonObject { ["priority"] = "HIGH" };
        var apnsHeaders = new JsonObject { ["apns-push-type"] = "alert", ["apns-priority"] = "10" };
        if (notification.CollapseKey is { } collapse)
        {
            android["collapseKey"] = collapse;
            apnsHeaders["apns-collapse-id"] = collapse;
        }

        return new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["token"] = device.Token,
                ["notification"] = new JsonObject { ["title"] = content.Title, ["body"] = content.Body },
                ["data"] = data,
                ["android"] = android,
                ["apns"] = new JsonObject { ["headers"] = apnsHeaders },
            },
        };
    }

    private SendOutcome Map(HttpResponseMessage response, FcmAnswer answer)
    {
        var code = answer.ErrorCode ?? answer.Status ?? $"Http{(int)response.StatusCode}";
        return (int)response.StatusCode switch
        {
            200 => new SendOutcome.Delivered(answer.Name),
            404 when code == "UNREGISTERED" => new SendOutcome.TokenDead(code),
            // 400 is also a bad payload field (BadRequest): only an FcmError about the token means the token (facts 2.3).
            400 when answer.ErrorCode == "INVALID_ARGUMENT" && answer.AboutToken => new SendOutcome.TokenDead("INVALID_ARGUMENT"),
            429 or 500 or 503 => new SendOutcome.Retry(code, PushBackoff.RetryAfter(response, time)),
            _ => new SendOutcome.Failed(code),
        };
    }

    /// <summary>The parts of FCM's answer we act on; never its message text, which can quote the request.</summary>
    private sealed record FcmAnswer(string? Name, string? Status, string? ErrorCode, bool AboutToken)
    {
        public static FcmAnswer Parse(string text)
        {
            try
            {
                var json = JsonNode.Parse(text);
                if (json?["error"] is not JsonObject error)
                {
                    return new FcmAnswer(json?["name"]?.GetValue<string>(), null, null, false);
                }

                var details = error["details"] as JsonArray ?? [];
                var fcm = details.OfType<JsonObject>().FirstOrDefault(d => d["@type"]?.GetValue<string>() == FcmErrorType);
                var message = error["message"]?.GetValue<string>() ?? "";
                var aboutToken = fcm is not null && message.Contains("registration token", StringComparison.OrdinalIgnoreCase);
                return new FcmAnswer(null, Code(error["status"]), Code(fcm?["errorCode"]), aboutToken);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return new FcmAnswer(null, null, null, false);
            }
        }

        private static string? Code(JsonNode? node) =>
            node?.GetValue<string>() is { Length: <= 64 } code && code.All(c => char.IsAsciiLetterUpper(c) || c == '_') ? code : null;
    }
}
