using System.Collections.Concurrent;
using System.Text.Json;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>
/// What a well-behaved app does with <c>placeOrder</c>: on any failure that leaves the outcome open (no answer, a
/// top-level error, RATE_LIMITED, ORDER_STATE_UNKNOWN, an UNKNOWN or PENDING_SUBMIT order) it retries with the same
/// idempotency key, with backoff, until it gets a definitive answer or its patience runs out.
/// </summary>
public sealed class RetryingApp(string user, GraphQLClient app, TimeSpan patience, ConcurrentDictionary<string, int> retryReasons)
{
    private static readonly HashSet<string> Definitive =
        ["GUARDRAIL_VIOLATION", "ORDER_INVALID", "INSUFFICIENT_BUYING_POWER", "ALPACA_REJECTED", "IDEMPOTENCY_KEY_REUSED", "NOT_CONNECTED", "REAUTH_REQUIRED"];

    public async Task<KeyOutcome> PlaceAsync(string key)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        var backoff = TimeSpan.FromMilliseconds(100);
        var attempts = 0;
        string? problem = null;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            attempts++;
            var (outcome, why) = await AttemptAsync(key, attempts);
            if (outcome is not null)
            {
                return outcome;
            }

            problem = why;
            retryReasons.AddOrUpdate(why, 1, (_, n) => n + 1);
            await Task.Delay(backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
        }

        return new KeyOutcome(user, key, KeyResult.Unresolved, null, null, null, attempts, problem);
    }

    private async Task<(KeyOutcome? Outcome, string Why)> AttemptAsync(string key, int attempt)
    {
        GraphQLResult result;
        try
        {
            result = await app.ExecuteAsync(Operations.PlaceOrder, Operations.MarketBuy(key));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, "no answer (" + e.GetType().Name + ")");
        }

        if (!result.Ok)
        {
            return (null, result.ErrorCodes.Count > 0 ? "top-level " + string.Join(',', result.ErrorCodes) : $"HTTP {(int)result.Status}");
        }

        var payload = result.Data.GetProperty("placeOrder");
        var errors = result.PayloadErrors("placeOrder");
        var order = payload.GetProperty("order");
        string? Field(string name) => order.ValueKind == JsonValueKind.Object ? order.GetProperty(name).GetString() : null;
        var status = Field("status");
        if (status is "UNKNOWN" or "PENDING_SUBMIT" || errors.Contains("ORDER_STATE_UNKNOWN"))
        {
            return (null, "order " + (status ?? "state unknown"));
        }

        if (status == "REJECTED" || errors.Any(Definitive.Contains))
        {
            return (new KeyOutcome(user, key, KeyResult.Refused, Field("id"), Field("clientOrderId"), status, attempt, string.Join(',', errors)), "");
        }

        if (status is null)
        {
            return (null, "payload " + string.Join(',', errors));
        }

        return (new KeyOutcome(user, key, KeyResult.Accepted, Field("id"), Field("clientOrderId"), status, attempt, null), "");
    }
}
