using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>Depth and complexity limits, with a separate, still bounded, allowance for pure introspection.</summary>
internal static class ComplexityLimits
{
    public static void Configure(ComplexityOptions complexity, GraphQLOptions options)
    {
        complexity.MaxDepth = options.MaxDepth;
        complexity.MaxComplexity = options.MaxComplexity;

        // Introspection lists are bounded by the schema itself, not by data, so they do not multiply
        // their children's cost the way data lists do; each selected introspection field costs one.
        var dataImpact = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = context =>
            IsIntrospection(context) ? new FieldComplexityResult(1, 1) : dataImpact(context);

        complexity.ValidateComplexityDelegate = context =>
        {
            // The explorer's introspection query is 13 levels deep, deeper than any data operation needs.
            if (context.Error is not null
                && IsPureIntrospection(context.ValidationContext.Operation)
                && context.MaxDepth <= options.IntrospectionMaxDepth
                && context.TotalImpact <= options.IntrospectionMaxComplexity)
            {
                context.Error = null;
            }

            return Task.CompletedTask;
        };
    }

    private static bool IsIntrospection(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
        || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);

    private static bool IsPureIntrospection(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(
            s => s is GraphQLField field && field.Name.Value.Span.StartsWith("__"));
}
