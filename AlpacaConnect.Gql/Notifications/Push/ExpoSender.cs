using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>One message through Expo's push API (facts 3.1–3.2); its ticket id is the receipt id the checker reads later.</summary>
internal sealed class ExpoSender(IHttpClientFactory clients, IOptions<ExpoOptions> options, TimeProvider time, ILogger<ExpoSender> logger)
    : INotificationSender
{
    public const string HttpClientName = "push-expo";

    public NotificationChannel Channel => NotificationChannel.Expo;

    public bool IsConfigured => options.Value.IsConfigured;

    public TimeSpan? RetryDelay(int failedAttempts) => PushBackoff.Delay(options.Value.Retry, failedAttempts, Random.Shared);

    public Task<SendOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
        PushSend.RunAsync("Expo", notification, logger, (device, content) => SendAsync(notification, device, content, cancellationToken), cancellationToken);

    private async Task<SendOutcome> SendAsync(OutgoingNotification notification, PushTarget device, PushContent content, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ExpoCalls.PostAsync(clients, options.Value, "send", Message(notification, device, content), cancellationToken);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return Map(response, json);
        }
        catch (JsonException)
        {
            return new SendOutcome.Retry("UnreadableAnswer");
        }
    }

    internal static JsonObject Message(OutgoingNotification notification, PushTarget device, PushContent content)
    {
        var data = new JsonObject();
        foreach (var (key, value) in content.Data)
        {
            data[key] = value;
        }

        data[PushPayloads.NotificationIdKey] = notification.DedupId;
        var message = new JsonObject
        {
            ["to"] = device.Token,
            ["title"] = content.Title,
            ["body"] = content.Body,
            ["data"] = data,
            ["priority"] = "high",
            ["sound"] = "default",
        };
        // collapseId is in the SDK's message type but not in the stored docs (facts 3.1): Expo ignores what it does not
        // know, so it costs nothing where unsupported and collapses where it is.
        if (notification.CollapseKey is { } collapse)
        {
            message["collapseId"] = collapse;
        }

        return message;
    }

    private SendOutcome Map(HttpResponseMessage response, JsonNode? json)
    {
        var status = (int)response.StatusCode;
        if (status is 429 or >= 500 || ExpoCalls.RequestErrorCode(json) == "TOO_MANY_REQUESTS")
        {
            return new SendOutcome.Retry(ExpoCalls.RequestErrorCode(json) ?? $"Http{status}", PushBackoff.RetryAfter(response, time));
        }

        if (!response.IsSuccessStatusCode)
        {
            return new SendOutcome.Failed(ExpoCalls.RequestErrorCode(json) ?? $"Http{status}");
        }

        // One message, so one ticket; a data that is an object (not an array) is the single-message answer shape.
        var ticket = json?["data"] is JsonArray array ? array.FirstOrDefault() : json?["data"];
        return ticket?["status"]?.GetValue<string>() switch
        {
            // An ok ticket without an id has been seen (facts 3, pitfalls): delivered, with no receipt to read.
            "ok" => new SendOutcome.Delivered(ticket["id"]?.GetValue<string>()),
            "error" => ExpoCalls.DetailsError(ticket) switch
            {
                "DeviceNotRegistered" => new SendOutcome.TokenDead("DeviceNotRegistered"),
                "MessageRateExceeded" => new SendOutcome.Retry("MessageRateExceeded"),
                { } code => new SendOutcome.Failed(code),
                null => new SendOutcome.Failed("TicketError"),
            },
            _ => new SendOutcome.Retry("NoTicket"),
        };
    }
}

/// <summary>The HTTP call and answer shapes the sender and the receipt checker share.</summary>
internal static class ExpoCalls
{
    public static async Task<HttpResponseMessage> PostAsync(IHttpClientFactory clients, ExpoOptions settings, string operation, JsonNode body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.BaseAddress.AbsoluteUri.TrimEnd('/')}/--/api/v2/push/{operation}")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(settings.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        }

        var response = await clients.CreateClient(ExpoSender.HttpClientName).SendAsync(request, timeout.Token);
        await response.Content.LoadIntoBufferAsync(timeout.Token);
        return response;
    }

    public static string? RequestErrorCode(JsonNode? json) =>
        json?["errors"] is JsonArray { Count: > 0 } errors ? Code(errors[0]?["code"]) : null;

    public static string? DetailsError(JsonNode? ticketOrReceipt) => Code(ticketOrReceipt?["details"]?["error"]);

    private static string? Code(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var code) && code.Length <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? code
            : null;
}
