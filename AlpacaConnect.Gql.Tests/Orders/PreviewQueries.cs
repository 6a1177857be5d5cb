using System.Text.Json;

namespace AlpacaConnect.Gql.Tests.Orders;

/// <summary>The <c>previewOrder</c> query the preview tests send, and the verdict of a preview or a placement in one comparable form.</summary>
internal static class PreviewQueries
{
    public const string PreviewOrder = """
        query($input: PlaceOrderInput!) {
          previewOrder(input: $input) {
            wouldPlace estimatedNotional buyingPower buyingPowerAfter
            quote { price bid ask }
            assetChecks { rule passed message limit actual }
            guardrails { rule passed message limit actual }
            errors {
              __typename
              ... on Error { code message }
              ... on GuardrailViolationError { rule limit actual }
              ... on OrderInvalidError { field rule limit actual }
              ... on AssetClassNotAllowedError { assetClass allowed }
            }
          }
        }
        """;

    public static async Task<JsonElement> PreviewAsync(OrderDriver driver, object input, string user = "app-alice")
    {
        var response = await driver.GraphQLAsync(user, PreviewOrder, new { input });
        Assert.True(response.Errors.Count == 0, response.Raw);
        return response.Data.GetProperty("previewOrder");
    }

    /// <summary>Each error as <c>code/rule/field</c>, in order: what must be the same between a preview and its placement.</summary>
    public static IReadOnlyList<string> Verdict(JsonElement payload) =>
        payload.GetProperty("errors").EnumerateArray().Select(e => string.Join("/",
            e.GetProperty("code").GetString(), Optional(e, "rule"), Optional(e, "field"), Optional(e, "limit"), Optional(e, "actual"))).ToList();

    public static JsonElement Check(JsonElement preview, string list, string rule) =>
        preview.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule);

    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
