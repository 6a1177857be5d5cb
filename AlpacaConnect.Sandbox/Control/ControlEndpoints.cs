using System.Text.Json;
using System.Text.Json.Serialization;
using AlpacaConnect.Sandbox.Faults;

namespace AlpacaConnect.Sandbox.Control;

/// <summary>The control surface over HTTP (snake_case JSON, enums by name). Revocation takes the token in the
/// body, never in the URL, and no request here is written to the request log.</summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapControl(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/control").AddEndpointFilter<ControlSecretFilter>();
        control.MapPost("/reset", (SandboxControl c) => Done(c.Reset));
        control.MapGet("/users", (SandboxControl c) => Answer(c.Users.Select(u => new
        {
            u.Id, Name = u.DisplayName,
            Paper = new { AccountId = u.Paper.Id, AccountNumber = u.Paper.Number },
            Live = new { AccountId = u.Live.Id, AccountNumber = u.Live.Number },
        })));
        // The dev path to a token (curl, scripts): the OAuth flow's answer without its browser step, for a seeded user.
        control.MapPost("/tokens", async (HttpRequest http, SandboxControl c) =>
        {
            var r = await ReadAsync<IssueTokenRequest>(http);
            if (r?.User is not { } user || c.Users.All(u => u.Id != user))
            {
                return Results.BadRequest(new { message = "user must name a seeded user (GET /sandbox/control/users)." });
            }

            var issued = c.IssueToken(user, r.Environment ?? SandboxEnvironment.Paper, r.Scope ?? "account:write trading data");
            return Answer(new { issued.AccessToken, TokenType = "bearer", issued.Scope });
        });
        control.MapPost("/tokens/revoke", async (HttpRequest http, SandboxControl c) =>
        {
            var r = await ReadAsync<RevokeTokenRequest>(http);
            var revoked = (r?.Token is { } token && c.RevokeToken(token) ? 1 : 0) +
                (r?.Fingerprint is { } fingerprint ? c.RevokeTokenByFingerprint(fingerprint) : 0);
            return Answer(new { Revoked = revoked });
        });
        control.MapGet("/faults", (SandboxControl c) => Answer(c.Faults));
        control.MapPost("/faults", async (HttpRequest http, SandboxControl c) =>
            await ReadAsync<FaultRule>(http) is { } rule ? Done(() => c.AddFault(rule)) : Results.BadRequest());
        control.MapDelete("/faults", (SandboxControl c) => Done(c.ClearFaults));
        control.MapPost("/streams/drop", async (HttpRequest http, SandboxControl c) =>
            Answer(new { Dropped = c.DropStreams((await ReadAsync<DropStreamsRequest>(http))?.AccountId) }));
        control.MapPut("/prices/{symbol}", async (string symbol, HttpRequest http, SandboxControl c) =>
        {
            if (await ReadAsync<SetPriceRequest>(http) is not { } r)
            {
                return Results.BadRequest();
            }

            c.SetPrice(symbol, r.Price);
            return Answer(c.Quote(symbol));
        });
        control.MapPost("/prices/tick", async (HttpRequest http, SandboxControl c) =>
        {
            var r = await ReadAsync<TickRequest>(http);
            return Done(() => c.Tick(r?.Symbol, r?.Steps ?? 1));
        });
        control.MapPost("/activities", async (HttpRequest http, SandboxControl c) =>
            await ReadAsync<AddActivityRequest>(http) is { User: { } user, ActivityType: { } type } r
                ? Answer(new { Id = c.AddActivity(user, r.Environment ?? SandboxEnvironment.Paper, type, r.NetAmount, r.SubType, r.Symbol, r.Qty, r.PerShareAmount, r.Description ?? "") })
                : Results.BadRequest());
        control.MapPost("/process", (SandboxControl c) => Done(c.ProcessNow));
        // For benchmarks on the same machine: delivery is timed from the moment the event left the sandbox.
        control.MapGet("/streams/emitted", (string clientOrderId, string @event, SandboxControl c) =>
            c.EmittedAt(clientOrderId, @event) is { } stamp
                ? Answer(new { ClientOrderId = clientOrderId, Event = @event, Timestamp = stamp, System.Diagnostics.Stopwatch.Frequency })
                : Results.NotFound());
        control.MapGet("/requests", (SandboxControl c) => Answer(c.Requests));
        control.MapDelete("/requests", (SandboxControl c) => Done(c.ClearRequests));
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest http) where T : class
    {
        try
        {
            return http.ContentLength is 0 ? null : await JsonSerializer.DeserializeAsync<T>(http.Body, Json, http.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Answer(object value) => Results.Json(value, Json);

    private static IResult Done(Action action)
    {
        action();
        return Results.NoContent();
    }
}

internal sealed record IssueTokenRequest(string? User, SandboxEnvironment? Environment, string? Scope);

internal sealed record RevokeTokenRequest(string? Token, string? Fingerprint);

internal sealed record DropStreamsRequest(Guid? AccountId);

internal sealed record SetPriceRequest(decimal Price);

internal sealed record AddActivityRequest(
    string? User, SandboxEnvironment? Environment, string? ActivityType, decimal NetAmount, string? SubType, string? Symbol, decimal? Qty,
    decimal? PerShareAmount, string? Description);

internal sealed record TickRequest(string? Symbol, int? Steps);
