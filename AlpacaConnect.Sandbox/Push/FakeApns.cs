using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// Apple's provider API (facts 1.2–1.5) at <c>/sandbox/push/apns/{sandbox|production}/3/device/{token}</c>: checks the
/// provider JWT's shape and age and the request headers, and answers with Apple's status codes and reason bodies.
/// It does not verify the JWT's signature (it has no public key), only that it is a 64-byte ES256 one.
/// </summary>
internal static class FakeApns
{
    public const string Provider = "apns";

    private static readonly HashSet<string> PushTypes =
        ["alert", "background", "location", "voip", "complication", "fileprovider", "mdm", "liveactivity", "pushtotalk"];

    public static void MapFakeApns(this IEndpointRouteBuilder push) =>
        // Checked in the handler, not by a regex route constraint: the server's slim host does not register that one.
        push.MapPost("/apns/{environment}/3/device/{token}", Send);

    private static async Task<IResult> Send(string environment, string token, HttpRequest request, PushFakeStore store, PushFaults faults, TimeProvider time)
    {
        if (environment is not ("sandbox" or "production"))
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow();
        if (ProviderTokenProblem(request, store, now) is { } tokenProblem)
        {
            return Reason(StatusCodes.Status403Forbidden, tokenProblem);
        }

        if (HeaderProblem(request) is { } headerProblem)
        {
            return Reason(StatusCodes.Status400BadRequest, headerProblem);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return Reason(StatusCodes.Status400BadRequest, "PayloadEmpty");
        }

        if (buffer.Length > 4096)
        {
            return Reason(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge");
        }

        if (token.Length == 0 || !token.All(char.IsAsciiHexDigit))
        {
            return Reason(StatusCodes.Status400BadRequest, "BadDeviceToken");
        }

        switch (faults.Decide(Provider, token))
        {
            case { Kind: PushFaultKind.DeadToken }:
                return Results.Json(new { reason = "Unregistered", timestamp = now.ToUnixTimeMilliseconds() }, statusCode: StatusCodes.Status410Gone);
            case { Kind: PushFaultKind.BadToken }:
                return Reason(StatusCodes.Status400BadRequest, "BadDeviceToken");
            case { Kind: PushFaultKind.RateLimited } rule:
                request.HttpContext.Response.Headers.RetryAfter = (rule.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
                return Reason(StatusCodes.Status429TooManyRequests, "TooManyRequests");
            case { Kind: PushFaultKind.Unavailable }:
                return Reason(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable");
            case { Kind: PushFaultKind.ServerError }:
                return Reason(StatusCodes.Status500InternalServerError, "InternalServerError");
            case { Kind: PushFaultKind.CredentialExpired }:
                return Reason(StatusCodes.Status403Forbidden, "ExpiredProviderToken");
        }

        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            return Reason(StatusCodes.Status400BadRequest, "BadPayload");
        }

        var id = request.Headers["apns-id"].ToString() is { Length: > 0 } sent ? sent : Guid.NewGuid().ToString();
        var alert = payload?["aps"]?["alert"];
        var data = (payload as JsonObject ?? []).Where(p => p.Key != "aps" && p.Value is JsonValue)
            .ToDictionary(p => p.Key, p => p.Value!.ToString());
        store.Add(new PushDelivery(
            Provider, token, id, request.Headers["apns-collapse-id"].ToString() is { Length: > 0 } collapse ? collapse : null,
            alert is JsonValue ? "" : alert?["title"]?.ToString() ?? "", alert is JsonValue plain ? plain.ToString() : alert?["body"]?.ToString() ?? "",
            data, now, request.Protocol));
        request.HttpContext.Response.Headers["apns-id"] = id;
        if (environment == "sandbox")
        {
            request.HttpContext.Response.Headers["apns-unique-id"] = Guid.NewGuid().ToString();
        }

        return Results.Ok();
    }

    /// <summary>Apple's checks on the provider token (facts 1.3): ES256, a 10-character kid and iss, iat within the hour.</summary>
    private static string? ProviderTokenProblem(HttpRequest request, PushFakeStore store, DateTimeOffset now)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "MissingProviderToken";
        }

        var jwt = authorization["bearer ".Length..].Trim();
        var parts = jwt.Split('.');
        if (parts.Length != 3 || Json(parts[0]) is not { } header || Json(parts[1]) is not { } claims || Bytes(parts[2]) is not { Length: 64 })
        {
            return "InvalidProviderToken";
        }

        if (header["alg"]?.ToString() != "ES256" || header["kid"]?.ToString() is not { Length: 10 } || claims["iss"]?.ToString() is not { Length: 10 }
            || claims["iat"] is not JsonValue iatValue || !iatValue.TryGetValue<long>(out var iat))
        {
            return "InvalidProviderToken";
        }

        if (now.ToUnixTimeSeconds() - iat > 3600)
        {
            return "ExpiredProviderToken";
        }

        store.SawProviderToken(jwt);
        return null;
    }

    private static string? HeaderProblem(HttpRequest request)
    {
        var headers = request.Headers;
        if (headers["apns-topic"].ToString().Length == 0)
        {
            return "MissingTopic";
        }

        if (headers["apns-push-type"].ToString() is { Length: > 0 } type && !PushTypes.Contains(type))
        {
            return "InvalidPushType";
        }

        if (headers["apns-priority"].ToString() is { Length: > 0 } priority && priority is not ("10" or "5" or "1"))
        {
            return "BadPriority";
        }

        if (headers["apns-expiration"].ToString() is { Length: > 0 } expiration && !long.TryParse(expiration, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return "BadExpirationDate";
        }

        if (headers["apns-id"].ToString() is { Length: > 0 } id && !(Guid.TryParseExact(id, "D", out var guid) && guid.ToString() == id))
        {
            return "BadMessageId";
        }

        return Encoding.UTF8.GetByteCount(headers["apns-collapse-id"].ToString()) > 64 ? "BadCollapseId" : null;
    }

    private static IResult Reason(int status, string reason) => Results.Json(new { reason }, statusCode: status);

    private static JsonNode? Json(string part)
    {
        try
        {
            return Bytes(part) is { } bytes ? JsonNode.Parse(bytes) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static byte[]? Bytes(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
