using System.Text.Json.Nodes;

namespace AlpacaConnect.Sandbox.Wire;

/// <summary>Alpaca's error body <c>{"code":…,"message":…}</c>, with optional context fields.</summary>
internal static class AlpacaError
{
    public const int Unauthorized = 40110000;
    public const int Forbidden = 40310000;
    public const int NotFound = 40410000;
    public const int Unprocessable = 42210000;
    public const int InvalidParameter = 40010001;

    public static IResult Result(int status, int? code, string message, IReadOnlyDictionary<string, string>? extra = null)
    {
        var body = new JsonObject();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            body[key] = value;
        }

        if (code is not null)
        {
            body["code"] = code;
        }

        body["message"] = message;
        return Results.Json(body, SandboxJson.Options, statusCode: status);
    }

    public static IResult RequestNotAuthorized() => Result(401, Unauthorized, "request is not authorized");

    public static IResult Unprocessable422(string message) => Result(422, Unprocessable, message);

    public static IResult Invalid(string message) => Result(422, InvalidParameter, message);
}
