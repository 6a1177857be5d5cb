using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// FCM HTTP v1 <c>projects.messages.send</c> (facts 2.1–2.3) at <c>/sandbox/push/fcm/v1/projects/{project}/messages:send</c>
/// and Google's OAuth token endpoint for service accounts at <c>/sandbox/push/google/token</c>, with Google's error shape.
/// </summary>
internal static class FakeFcm
{
    public const string Provider = "fcm";

    private const string FcmError = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    private const string BadRequest = "type.googleapis.com/google.rpc.BadRequest";

    private static readonly HashSet<string> MessageFields =
        ["name", "data", "notification", "android", "webpush", "apns", "fcm_options", "fcmOptions", "token", "topic", "condition"];

    private static readonly string[] Targets = ["token", "topic", "condition"];

    public static void MapFakeFcm(this IEndpointRouteBuilder push)
    {
        push.MapPost("/google/token", Token);
        push.MapPost("/fcm/v1/projects/{project}/messages:send", Send);
    }

    /// <summary>The JWT-bearer grant Google.Apis.Auth sends for a service account (facts 2.1): an RS256 assertion with a scope.</summary>
    private static async Task<IResult> Token(HttpRequest request, PushFakeStore store)
    {
        if (!request.HasFormContentType)
        {
            return Results.Json(new { error = "invalid_request", error_description = "form body expected" }, statusCode: 400);
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }

        var parts = form["assertion"].ToString().Split('.');
        var header = parts.Length == 3 ? FakeApns.Bytes(parts[0]) : null;
        var claims = parts.Length == 3 ? FakeApns.Bytes(parts[1]) : null;
        if (header is null || claims is null || JsonNode.Parse(header)?["alg"]?.ToString() != "RS256"
            || JsonNode.Parse(claims) is not { } claimSet || claimSet["iss"] is null
            || claimSet["scope"]?.ToString() is not { } scope || !scope.Contains("firebase.messaging", StringComparison.Ordinal))
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Invalid JWT Signature." }, statusCode: 400);
        }

        return Results.Json(new { access_token = store.IssueAccessToken(), expires_in = 3600, token_type = "Bearer" });
    }

    private static async Task<IResult> Send(string project, HttpRequest request, PushFakeStore store, PushFaults faults, TimeProvider time)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !store.IsAccessToken(authorization["Bearer ".Length..]))
        {
            return Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", null);
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.", null);
        }

        if (body?["message"] is not JsonObject message)
        {
            return Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unknown name \"message\".", null);
        }

        if (Invalid(message) is { } problem)
        {
            return Error(400, "INVALID_ARGUMENT", problem, new JsonObject { ["@type"] = BadRequest });
        }

        var token = message["token"]!.ToString();
        if (faults.Decide(Provider, token) is { } fault)
        {
            return Fault(request, fault);
        }

        var name = $"projects/{project}/messages/{Guid.NewGuid():N}";
        var data = (message["data"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.ToString());
        store.Add(new PushDelivery(
            Provider, token, data.GetValueOrDefault("notificationId") ?? name, message["android"]?["collapseKey"]?.ToString(),
            message["notification"]?["title"]?.ToString() ?? "", message["notification"]?["body"]?.ToString() ?? "",
            data, time.GetUtcNow(), request.Protocol));
        return Results.Json(new { name });
    }

    /// <summary>The checks behind FCM's INVALID_ARGUMENT with a BadRequest detail (facts 2.2–2.3, pitfalls).</summary>
    private static string? Invalid(JsonObject message)
    {
        if (message.Select(p => p.Key).FirstOrDefault(k => !MessageFields.Contains(k)) is { } unknown)
        {
            return $"Invalid JSON payload received. Unknown name \"{unknown}\" at 'message': Cannot find field.";
        }

        if (Targets.Count(message.ContainsKey) != 1 || message["token"] is not JsonValue)
        {
            return "Exactly one of token, topic or condition must be set (this fake takes token only).";
        }

        var data = message["data"] as JsonObject ?? [];
        var index = 0;
        foreach (var (_, value) in data)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                return $"Invalid value at 'message.data[{index}].value' (TYPE_STRING), {value?.ToJsonString()}";
            }

            index++;
        }

        return message["android"]?["priority"]?.ToString() is { } priority && priority is not ("NORMAL" or "HIGH" or "normal" or "high")
            ? $"Invalid value at 'message.android.priority' (type.googleapis.com/google.firebase.fcm.v1.AndroidMessagePriority), \"{priority}\""
            : null;
    }

    private static IResult Fault(HttpRequest request, PushFaultRule fault)
    {
        switch (fault.Kind)
        {
            case PushFaultKind.DeadToken or PushFaultKind.DeadReceipt:
                return Error(404, "NOT_FOUND", "Requested entity was not found.", FcmDetail("UNREGISTERED"));
            case PushFaultKind.BadToken:
                return Error(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token", FcmDetail("INVALID_ARGUMENT"));
            case PushFaultKind.RateLimited:
                request.HttpContext.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? 60).ToString(CultureInfo.InvariantCulture);
                return Error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", FcmDetail("QUOTA_EXCEEDED"));
            case PushFaultKind.Unavailable:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return Error(503, "UNAVAILABLE", "The service is currently unavailable.", FcmDetail("UNAVAILABLE"));
            case PushFaultKind.CredentialExpired:
                return Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", null);
            default:
                return Error(500, "INTERNAL", "Internal error encountered.", FcmDetail("INTERNAL"));
        }
    }

    private static JsonObject FcmDetail(string code) => new() { ["@type"] = FcmError, ["errorCode"] = code };

    private static IResult Error(int code, string status, string message, JsonObject? detail) =>
        Results.Json(
            new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = code,
                    ["message"] = message,
                    ["status"] = status,
                    ["details"] = detail is null ? new JsonArray() : new JsonArray(detail),
                },
            },
            statusCode: code);
}
