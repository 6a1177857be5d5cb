using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// Expo's push API (facts 3.1–3.3) at <c>/sandbox/push/expo/--/api/v2/push/send</c> and <c>.../getReceipts</c>: tickets in
/// message order, receipts by ticket id, Expo's request-level errors.
/// </summary>
internal static class FakeExpo
{
    public const string Provider = "expo";

    public static void MapFakeExpo(this IEndpointRouteBuilder push)
    {
        push.MapPost("/expo/--/api/v2/push/send", Send);
        push.MapPost("/expo/--/api/v2/push/getReceipts", Receipts);
    }

    private static async Task<IResult> Send(HttpRequest request, PushFakeStore store, PushFaults faults, TimeProvider time)
    {
        var body = await ReadAsync(request);
        var messages = body switch
        {
            JsonArray array => [.. array.OfType<JsonObject>()],
            JsonObject single => new List<JsonObject> { single },
            _ => null,
        };
        if (messages is null || messages.Count == 0 || messages.Any(m => m["to"] is not JsonValue))
        {
            return Errors(400, "VALIDATION_ERROR", "\"to\" is required and must be a string (this fake takes one recipient per message).");
        }

        if (messages.Count > 100)
        {
            return Errors(400, "PUSH_TOO_MANY_NOTIFICATIONS", "You are trying to send more than 100 push notifications in one request.");
        }

        var tickets = new JsonArray();
        foreach (var message in messages)
        {
            var token = message["to"]!.ToString();
            var fault = faults.Decide(Provider, token);
            switch (fault?.Kind)
            {
                case PushFaultKind.RateLimited:
                    request.HttpContext.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
                    return Errors(429, "TOO_MANY_REQUESTS", "The project is sending too many push notifications.");
                case PushFaultKind.Unavailable or PushFaultKind.ServerError:
                    return Errors(fault.Kind == PushFaultKind.Unavailable ? 503 : 500, "INTERNAL_SERVER_ERROR", "An unknown error occurred.");
                case PushFaultKind.DeadToken or PushFaultKind.BadToken:
                    tickets.Add(Ticket("error", $"\"{token}\" is not a registered push notification recipient", "DeviceNotRegistered"));
                    continue;
            }

            if (!IsExpoToken(token))
            {
                tickets.Add(Ticket("error", $"\"{token}\" is not a valid Expo push token", "DeviceNotRegistered"));
                continue;
            }

            var id = Guid.NewGuid().ToString();
            var data = (message["data"] as JsonObject ?? []).Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString());
            store.Add(new PushDelivery(
                Provider, token, data.GetValueOrDefault("notificationId") ?? id, message["collapseId"]?.ToString(),
                message["title"]?.ToString() ?? "", message["body"]?.ToString() ?? "", data, time.GetUtcNow(), request.Protocol));
            store.AddReceipt(id, fault?.Kind == PushFaultKind.DeadReceipt ? new ExpoReceipt("error", "DeviceNotRegistered") : new ExpoReceipt("ok", null));
            tickets.Add(new JsonObject { ["status"] = "ok", ["id"] = id });
            if (fault?.Kind == PushFaultKind.AcceptThenHang)
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }
        }

        return Results.Json(new JsonObject { ["data"] = tickets });
    }

    private static async Task<IResult> Receipts(HttpRequest request, PushFakeStore store)
    {
        if (await ReadAsync(request) is not JsonObject { } body || body["ids"] is not JsonArray ids)
        {
            return Errors(400, "VALIDATION_ERROR", "\"ids\" is required.");
        }

        if (ids.Count > 1000)
        {
            return Errors(400, "PUSH_TOO_MANY_RECEIPTS", "You are trying to get more than 1000 push receipts in one request.");
        }

        var data = new JsonObject();
        foreach (var id in ids.Select(i => i?.ToString()).OfType<string>().Distinct())
        {
            // An id without a receipt (unknown, or not ready yet) is left out of the map (facts 3.3).
            if (store.Receipt(id) is { } receipt)
            {
                data[id] = receipt.Error is null
                    ? new JsonObject { ["status"] = receipt.Status }
                    : Ticket(receipt.Status, "The recipient device is not registered with FCM or APNs.", receipt.Error);
            }
        }

        return Results.Json(new JsonObject { ["data"] = data });
    }

    /// <summary>The token shapes Expo's SDK accepts (facts 3.1).</summary>
    private static bool IsExpoToken(string token) =>
        ((token.StartsWith("ExponentPushToken[", StringComparison.Ordinal) || token.StartsWith("ExpoPushToken[", StringComparison.Ordinal)) && token.EndsWith(']'))
        || Guid.TryParse(token, out _);

    private static JsonObject Ticket(string status, string message, string error) =>
        new() { ["status"] = status, ["message"] = message, ["details"] = new JsonObject { ["error"] = error } };

    private static IResult Errors(int status, string code, string message) =>
        Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) }, statusCode: status);

    private static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
