using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios;

/// <summary>GraphQL calls to the server judged the way the load figures count them: null on success, else why it failed.</summary>
public static class ServerCalls
{
    /// <summary>With <paramref name="payloadField"/>, that mutation payload's typed errors count as a failure too.</summary>
    public static async Task<string?> SendAsync(GraphQLClient app, string query, object? variables = null, string? payloadField = null) =>
        Failure(await app.ExecuteAsync(query, variables), payloadField);

    public static string? Failure(GraphQLResult result, string? payloadField)
    {
        if (!result.Ok)
        {
            return $"HTTP {(int)result.Status} {string.Join(',', result.ErrorCodes)}: {GraphQLClient.Trim(result.Raw)}";
        }

        var errors = payloadField is null ? [] : result.PayloadErrors(payloadField);
        return errors.Count == 0 ? null : $"{payloadField} errors {string.Join(',', errors)}";
    }
}
