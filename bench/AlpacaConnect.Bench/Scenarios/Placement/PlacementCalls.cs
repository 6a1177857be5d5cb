using System.Text.Json;
using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary><c>placeOrder</c> as the placement scenarios send it: a new idempotency key, one share of PNNY at market.</summary>
public static class PlacementCalls
{
    public static async Task<string?> PlaceOrderAsync(GraphQLClient app, CancellationToken cancellationToken)
    {
        var result = await app.ExecuteAsync(Operations.PlaceOrder, Operations.MarketBuy(Operations.NewKey("placement")), cancellationToken);
        return ServerCalls.Failure(result, "placeOrder") ?? NotPlaced(result);
    }

    /// <summary>
    /// An order the server could not confirm (<c>UNKNOWN</c>, <c>PENDING_SUBMIT</c>) or Alpaca refused is not a
    /// placement even without a payload error; the direct POST's equivalent is a non-2xx, which counts as failed too.
    /// </summary>
    private static string? NotPlaced(GraphQLResult result)
    {
        var order = result.Data.GetProperty("placeOrder").GetProperty("order");
        if (order.ValueKind != JsonValueKind.Object)
        {
            return "placeOrder answered no order and no error";
        }

        var status = order.GetProperty("status").GetString();
        return status is "UNKNOWN" or "PENDING_SUBMIT" or "REJECTED" ? $"placeOrder answered an order in status {status}" : null;
    }
}
