using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>
/// The GraphQL the order-pipeline tests (issue 13) send. <see cref="PlaceOrder"/> and <see cref="Detached"/> use the
/// types and fields the pipeline adds (<c>AssetClassNotAllowedError</c>, <c>OrderAccountChangedError</c>,
/// <c>OrderIntentExpiredError</c>, <c>OrderInvalidError.rule</c>, <c>Order.detached</c>); the others run on today's
/// schema, so a test that shows a leak can show it before the fix.
/// </summary>
internal static class PipelineQueries
{
    public const string PlaceOrder = """
        mutation($input: PlaceOrderInput!) {
          placeOrder(input: $input) {
            order { id alpacaOrderId status qty detached }
            errors {
              __typename
              ... on Error { code message }
              ... on GuardrailViolationError { rule limit actual }
              ... on OrderInvalidError { field rule limit actual }
              ... on AssetClassNotAllowedError { assetClass allowed }
              ... on OrderAccountChangedError { orderId }
              ... on OrderIntentExpiredError { orderId }
              ... on OrderStateUnknownError { orderId }
            }
          }
        }
        """;

    public const string Close = """
        mutation($input: ClosePositionInput!) {
          closePosition(input: $input) {
            order { id alpacaOrderId status qty }
            errors { __typename ... on Error { code message } ... on OrderStateUnknownError { orderId } }
          }
        }
        """;

    public const string Cancel = """
        mutation($input: CancelOrderInput!) {
          cancelOrder(input: $input) { order { id status } errors { __typename ... on Error { code message } } }
        }
        """;

    public const string Detached = "{ orders(status: ALL) { edges { node { id detached } } } }";

    private const string ReadOrder = "query($id: ID!) { order(id: $id) { id status alpacaOrderId } }";

    /// <summary><c>placeOrder</c> with the pipeline's error types; asserts there was no top-level error.</summary>
    public static Task<JsonElement> PlaceAsync(OrderDriver driver, object input, string user = "app-alice") =>
        DataAsync(driver, user, PlaceOrder, new { input }, "placeOrder");

    public static Task<JsonElement> CloseAsync(OrderDriver driver, object input, string user = "app-alice") =>
        DataAsync(driver, user, Close, new { input }, "closePosition");

    public static Task<JsonElement> CancelAsync(OrderDriver driver, string orderId, string user = "app-alice") =>
        DataAsync(driver, user, Cancel, new { input = new { orderId } }, "cancelOrder");

    /// <summary>One of the caller's orders as the server reports it now.</summary>
    public static Task<JsonElement> OrderAsync(OrderDriver driver, string id, string user = "app-alice") =>
        DataAsync(driver, user, ReadOrder, new { id }, "order");

    /// <summary>Waits until the server reports the order in <paramref name="status"/>; returns it as then read.</summary>
    public static async Task<JsonElement> EventuallyAsync(OrderDriver driver, string id, string status)
    {
        var last = default(JsonElement);
        await Eventually.HoldsAsync(
            async () => (last = await OrderAsync(driver, id)).GetProperty("status").GetString() == status,
            () => $"order {id} {status} (it reads {last})");
        return last;
    }

    private static async Task<JsonElement> DataAsync(OrderDriver driver, string user, string query, object variables, string field)
    {
        GraphQLResponse response = await driver.GraphQLAsync(user, query, variables);
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty(field);
    }
}
