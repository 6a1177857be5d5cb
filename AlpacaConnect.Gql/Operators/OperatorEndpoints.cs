using AlpacaConnect.Gql.Audit;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.Halts;
using AlpacaConnect.Gql.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// <c>/operator/...</c>: JSON endpoints for operators, outside the app's GraphQL schema. Every call names its reason and
/// leaves an audit row (reads too: they show a user's data). Bad input is a 400 problem with the field at fault.
/// </summary>
internal static class OperatorEndpoints
{
    public const string Prefix = "/operator";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(Prefix)
            .WithMetadata(new SeparateAuthentication(OperatorAuthentication.Scheme))
            .AddEndpointFilter(OperatorAuthentication.RequireOperatorAsync);
        api.MapGet("/users/{userId}", LookUpUserAsync);
        api.MapPost("/users/{userId}/disconnect", DisconnectAsync);
        api.MapPost("/orders/{orderId:guid}/settle", SettleOrderAsync);
        api.MapGet("/halts", ListHaltsAsync);
        api.MapPost("/halts", PauseAsync);
        api.MapPost("/halts/resume", ResumeAsync);
        OperatorWebhookEndpoints.Map(api);
    }

    private static async Task<Results<Ok<OperatorUserView>, ValidationProblem>> LookUpUserAsync(
        string userId, [FromQuery] string? reason, HttpContext http, OperatorUserLookup lookup, OperatorAudit audit)
    {
        if (OperatorReason.Clean(reason) is not { } why)
        {
            return ReasonMissing();
        }

        var view = await lookup.LookUpAsync(userId, http.RequestAborted);
        await audit.RecordAsync(OperatorAuthentication.OperatorOf(http), "user.lookup", userId, why, view.Connection is null && view.Orders.Count == 0 ? "unknown-user" : "shown");
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<OperatorActionResult<string>>, ValidationProblem>> DisconnectAsync(
        string userId, OperatorActionRequest? request, HttpContext http, ConnectionDirectory connections, OperatorAudit audit)
    {
        if (OperatorReason.Clean(request?.Reason) is not { } why)
        {
            return ReasonMissing();
        }

        // The same disconnect the user can do: tokens forgotten, history kept, the change published to the user's sockets.
        var payload = await connections.DisconnectAsync(userId, CancellationToken.None);
        var outcome = payload.Errors.Count == 0 ? "disconnected" : "not-connected";
        await audit.RecordAsync(OperatorAuthentication.OperatorOf(http), "user.disconnect", userId, why, outcome);
        return TypedResults.Ok(new OperatorActionResult<string>(outcome, payload.Connection?.Status.ToString()));
    }

    private static async Task<Results<Ok<OperatorActionResult<OperatorOrderView>>, NotFound<OperatorActionResult<OperatorOrderView>>, ValidationProblem>> SettleOrderAsync(
        Guid orderId, OperatorActionRequest? request, HttpContext http, StuckOrderCheck check, OperatorAudit audit)
    {
        if (OperatorReason.Clean(request?.Reason) is not { } why)
        {
            return ReasonMissing();
        }

        var result = await check.SettleAsync(orderId, CancellationToken.None);
        await audit.RecordAsync(OperatorAuthentication.OperatorOf(http), "order.settle", orderId.ToString(), why, result.Outcome);
        return result.Subject is null ? TypedResults.NotFound(result) : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<HaltView>>, ValidationProblem>> ListHaltsAsync(
        [FromQuery] string? reason, HttpContext http, TradingHalts halts, OperatorAudit audit)
    {
        if (OperatorReason.Clean(reason) is not { } why)
        {
            return ReasonMissing();
        }

        var list = (await halts.ListAsync(http.RequestAborted)).Select(HaltView.From).ToList();
        await audit.RecordAsync(OperatorAuthentication.OperatorOf(http), "halt.list", "*", why, "shown");
        return TypedResults.Ok<IReadOnlyList<HaltView>>(list);
    }

    private static Task<Results<Ok<OperatorActionResult<string>>, ValidationProblem>> PauseAsync(HaltRequest? request, HttpContext http, TradingHalts halts) =>
        SwitchAsync(request, http, halts.PauseAsync);

    private static Task<Results<Ok<OperatorActionResult<string>>, ValidationProblem>> ResumeAsync(HaltRequest? request, HttpContext http, TradingHalts halts) =>
        SwitchAsync(request, http, halts.ResumeAsync);

    /// <summary>The switch and its audit row are written by <see cref="TradingHalts"/> in one transaction.</summary>
    private static async Task<Results<Ok<OperatorActionResult<string>>, ValidationProblem>> SwitchAsync(
        HaltRequest? request, HttpContext http, Func<HaltScope, string, string, string, CancellationToken, Task<string>> flip)
    {
        if (HaltTarget.Parse(request, out var scope, out var target) is { } problem)
        {
            return TypedResults.ValidationProblem(problem);
        }

        if (OperatorReason.Clean(request!.Reason) is not { } why)
        {
            return ReasonMissing();
        }

        var outcome = await flip(scope, target, OperatorAuthentication.OperatorOf(http), why, CancellationToken.None);
        return TypedResults.Ok(new OperatorActionResult<string>(outcome, TradingHalt.Label(scope, target)));
    }

    private static ValidationProblem ReasonMissing() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [OperatorReason.Rule] });
}
