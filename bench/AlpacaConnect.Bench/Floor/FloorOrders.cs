using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlpacaConnect.Bench.Floor;

/// <summary>What the bench posts to the floor: <c>placeOrder</c>'s input, with Alpaca's own words for side, type and time in force.</summary>
public sealed record FloorOrderRequest(string IdempotencyKey, string Symbol, string Qty, string Side, string Type, string TimeInForce);

/// <summary>The order as the floor answers it: Alpaca's id and status, or the intent's own status while it has none.</summary>
public sealed record FloorOrderAnswer(string Id, string ClientOrderId, string Status);

/// <summary>
/// <c>POST /floor/orders</c>: the least durable work any server must do to place an order without losing or doubling
/// it: find the key, save the intent bound to its account, send it once, settle it with Alpaca's answer. It checks
/// nothing (no guardrails, no quote, no account read) and authenticates no one: it is the floor, not a server.
/// </summary>
public sealed class FloorOrders(FloorIntents intents, HttpClient upstream, Uri tradingBase, TimeProvider time)
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<Results<Ok<FloorOrderAnswer>, UnauthorizedHttpResult, ProblemHttpResult>> PlaceAsync(
        FloorOrderRequest order, string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is not { Length: > 7 } || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return TypedResults.Unauthorized();
        }

        var token = authorization[7..];
        var user = UserKey(token);

        // (a) A key already saved is answered from the row: a retry after a lost answer must not place a second order.
        if (await intents.FindAsync(user, order.IdempotencyKey) is { } known)
        {
            return TypedResults.Ok(Answer(known));
        }

        // (b) The intent is on disk before the order leaves, so a crash after sending leaves a row to reconcile by
        // client_order_id rather than an order nobody knows of.
        var id = Guid.CreateVersion7().ToString("N");
        var intent = new FloorIntent(id, "floor-" + id, "PENDING_SUBMIT", null);
        if (!await intents.TryAddAsync(user, order.IdempotencyKey, intent, order.Symbol, order.Qty, time.GetUtcNow()))
        {
            var winner = await intents.FindAsync(user, order.IdempotencyKey);
            return winner is null ? TypedResults.Problem("the key's intent vanished", statusCode: 500) : TypedResults.Ok(Answer(winner));
        }

        // (c) Sent once, with the intent's client_order_id: Alpaca refuses a second order with the same one.
        var (status, alpacaId, refusal) = await SendAsync(token, order, intent.ClientOrderId, cancellationToken);
        if (refusal is not null && status is null)
        {
            // No answer: the order may or may not exist. The row stays PENDING_SUBMIT for a reconciler; nothing is retried.
            return TypedResults.Problem(refusal, statusCode: 502);
        }

        // (d) Alpaca's answer is stored, so the user's orders and a repeated key show the order as Alpaca holds it.
        await intents.SettleAsync(id, status!, alpacaId, time.GetUtcNow());
        return refusal is null
            ? TypedResults.Ok(new FloorOrderAnswer(alpacaId ?? id, intent.ClientOrderId, status!))
            : TypedResults.Problem(refusal, statusCode: 422);
    }

    /// <summary>Alpaca's status and id, or why there is none; a status with a refusal is a definitive no (REJECTED).</summary>
    private async Task<(string? Status, string? AlpacaId, string? Refusal)> SendAsync(
        string token, FloorOrderRequest order, string clientOrderId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(tradingBase, "v2/orders"))
        {
            Content = JsonContent.Create(
                new { symbol = order.Symbol, qty = order.Qty, side = order.Side, type = order.Type, time_in_force = order.TimeInForce, client_order_id = clientOrderId },
                options: Wire),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await upstream.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if ((int)response.StatusCode is >= 400 and < 500 and not 429)
            {
                return ("REJECTED", null, $"Alpaca refused the order: HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, null, $"Alpaca answered HTTP {(int)response.StatusCode}");
            }

            using var json = JsonDocument.Parse(body);
            var status = json.RootElement.GetProperty("status").GetString() ?? throw new JsonException("an order without a status");
            return (status, json.RootElement.GetProperty("id").GetString() ?? throw new JsonException("an order without an id"), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (null, null, $"no usable answer from Alpaca: {e.GetType().Name}");
        }
    }

    private static FloorOrderAnswer Answer(FloorIntent intent) => new(intent.AlpacaOrderId ?? intent.Id, intent.ClientOrderId, intent.Status);

    /// <summary>The account a token stands for, without keeping the token: the floor has no users of its own.</summary>
    private static string UserKey(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 16);
}
