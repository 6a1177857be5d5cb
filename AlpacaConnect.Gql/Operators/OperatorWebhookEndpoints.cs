using AlpacaConnect.Gql.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AlpacaConnect.Gql.Operators;

/// <summary><c>/operator/webhooks/...</c>: the dead-letter view and redelivery, on the operator group (its auth, its audit).</summary>
internal static class OperatorWebhookEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/webhooks/dead", ListDeadAsync);
        api.MapPost("/webhooks/{id:long}/redeliver", RedeliverAsync);
    }

    private static async Task<Results<Ok<IReadOnlyList<OperatorWebhookView>>, ValidationProblem>> ListDeadAsync(
        [FromQuery] string? reason, [FromQuery] int? limit, HttpContext http, OperatorWebhooks webhooks, OperatorAudit audit)
    {
        if (OperatorReason.Clean(reason) is not { } why)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [OperatorReason.Rule] });
        }

        if (limit is < 1 or > OperatorWebhooks.MaxListed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {OperatorWebhooks.MaxListed}."] });
        }

        var dead = await webhooks.ListDeadAsync(limit ?? 100, http.RequestAborted);
        await audit.RecordAsync(OperatorAuthentication.OperatorOf(http), "webhook.list-dead", "*", why, "shown");
        return TypedResults.Ok(dead);
    }

    private static async Task<Results<Ok<OperatorActionResult<OperatorWebhookView>>, NotFound<OperatorActionResult<OperatorWebhookView>>, Conflict<OperatorActionResult<OperatorWebhookView>>, ValidationProblem>> RedeliverAsync(
        long id, OperatorActionRequest? request, HttpContext http, OperatorWebhooks webhooks)
    {
        if (OperatorReason.Clean(request?.Reason) is not { } why)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [OperatorReason.Rule] });
        }

        var result = await webhooks.RedeliverAsync(id, OperatorAuthentication.OperatorOf(http), why);
        return result.Outcome switch
        {
            "not-found" => TypedResults.NotFound(result),
            "not-redeliverable" => TypedResults.Conflict(result),
            _ => TypedResults.Ok(result),
        };
    }
}
