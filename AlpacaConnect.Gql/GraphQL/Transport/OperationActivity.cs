using System.Diagnostics;
using AlpacaConnect.Gql.GraphQL.Errors;
using AlpacaConnect.Gql.Observability;
using GraphQL;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// The span of one GraphQL operation: its type and name only. The document and the variables stay out of traces
/// (variables carry completion codes; documents may carry literals).
/// </summary>
internal static class OperationActivity
{
    private const int MaxNameLength = 100;

    public static Activity? Start(OperationRequest request, GraphQLDocument? document)
    {
        if (!AppActivities.Source.HasListeners())
        {
            return null;
        }

        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var operation = request.OperationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.Value == request.OperationName);
        var type = operation?.Operation.ToString().ToLowerInvariant();
        var name = operation?.Name?.Value.ToString() is { Length: > 0 } named ? named[..Math.Min(named.Length, MaxNameLength)] : null;
        var activity = AppActivities.Source.StartActivity(
            (type, name) switch
            {
                (null, _) => "GraphQL Operation",
                (_, null) => type,
                _ => $"{type} {name}",
            });
        activity?.SetTag("graphql.operation.type", type);
        activity?.SetTag("graphql.operation.name", name);
        return activity;
    }

    /// <summary>Top-level errors make the span an error, with their codes; payload errors are results, not failures.</summary>
    public static void Complete(Activity? activity, ExecutionResult result)
    {
        if (activity is not null && result.Errors is { Count: > 0 } errors)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("graphql.error.codes", string.Join(',', errors.Select(ApiErrorInfoProvider.CodeOf).Distinct()));
        }
    }
}
