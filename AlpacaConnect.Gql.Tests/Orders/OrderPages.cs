using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>Reads the <c>orders</c> connection through GraphQL.</summary>
internal static class OrderPages
{
    public const string Query = """
        query($first: Int, $after: String, $status: OrderStatusFilter, $symbols: [String!], $side: OrderSide,
              $submittedAfter: DateTimeOffset, $submittedBefore: DateTimeOffset) {
          orders(first: $first, after: $after, status: $status, symbols: $symbols, side: $side,
                 submittedAfter: $submittedAfter, submittedBefore: $submittedBefore) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { id symbol side status filledQty filledAvgPrice } }
          }
        }
        """;

    public static async Task<GraphQLResponse> ReadAsync(OrderDriver driver, string user, object? variables = null) =>
        await driver.GraphQLAsync(user, Query, variables ?? new { status = "ALL" });

    /// <summary>The <c>orders</c> field, asserting there was no error.</summary>
    public static async Task<JsonElement> PageAsync(OrderDriver driver, string user, object? variables = null)
    {
        var response = await ReadAsync(driver, user, variables);
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("orders");
    }

    public static IReadOnlyList<string> Ids(JsonElement page) =>
        page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToList();

    public static string? EndCursor(JsonElement page) => page.GetProperty("pageInfo").GetProperty("endCursor").GetString();

    public static bool HasNextPage(JsonElement page) => page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
}
