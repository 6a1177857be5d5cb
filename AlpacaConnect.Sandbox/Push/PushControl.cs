using System.Text.Json;
using System.Text.Json.Serialization;
using AlpacaConnect.Sandbox.Control;

namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// <c>/sandbox/control/push/...</c>: what the fake providers delivered (all, or as the device shows it), per-token
/// faults, counters, and a reset. Behind the same secret as the other control endpoints.
/// </summary>
internal static class PushControl
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void MapPushControl(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/control/push").AddEndpointFilter<ControlSecretFilter>();
        // The token travels as a query value here: these are fake devices' tokens, and only the control surface sees them.
        control.MapGet("/deliveries", (string provider, string token, bool? shown, PushFakeStore store) =>
            Results.Json(shown == true ? store.DeviceView(provider, token) : store.Deliveries(provider, token), Json));
        control.MapGet("/counters", (PushFakeStore store) => Results.Json(
            new { store.DistinctProviderTokens, store.OAuthTokenRequests, store.ReceiptLookups }, Json));
        control.MapGet("/faults", (PushFaults faults) => Results.Json(faults.Rules, Json));
        control.MapPost("/faults", async (HttpRequest request, PushFaults faults) =>
        {
            try
            {
                if (await request.ReadFromJsonAsync<PushFaultRule>(Json, request.HttpContext.RequestAborted) is not { } rule
                    || rule.Percent is < 0 or > 100 || rule.Times is < 0)
                {
                    return Results.BadRequest(new { message = "kind is required; percent is 0-100; times is not negative." });
                }

                faults.Add(rule);
                return Results.NoContent();
            }
            catch (JsonException)
            {
                return Results.BadRequest(new { message = "kind must be one of " + string.Join(", ", Enum.GetNames<PushFaultKind>()) + " (snake_case)." });
            }
        });
        control.MapDelete("/faults", (PushFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapPost("/reset", (PushFakeStore store, PushFaults faults) =>
        {
            store.Reset();
            faults.Clear();
            return Results.NoContent();
        });
    }
}
