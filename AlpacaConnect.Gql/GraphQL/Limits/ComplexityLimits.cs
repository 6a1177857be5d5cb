using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>Depth and complexity limits, with a separate depth allowance for pure introspection.</summary>
internal static class ComplexityLimits
{
    public static void Configure(ComplexityOptions complexity, GraphQLOptions options)
    {
        complexity.MaxDepth = options.MaxDepth;
        complexity.MaxComplexity = options.MaxComplexity;
        complexity.ValidateComplexityDelegate = context =>
        {
            // The explorer's introspection query is deeper than any real operation needs, so pure
            // introspection gets its own (still bounded) depth instead of an exemption.
            if (context.Error is not null
                && IsPureIntrospection(context.ValidationContext.Operation)
                && context.MaxDepth <= options.IntrospectionMaxDepth
                && context.TotalImpact <= options.MaxComplexity * 10)
            {
                context.Error = null;
            }

            return Task.CompletedTask;
        };
    }

    private static bool IsPureIntrospection(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(
            s => s is GraphQLField field && field.Name.Value.Span.StartsWith("__"));
}
