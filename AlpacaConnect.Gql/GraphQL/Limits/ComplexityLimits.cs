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

        complexity.ValidateComplexityDelegate = context =>
        {
            // Introspection answers are bounded by the schema, not by data, so the data-list complexity
            // score means little for them (it grows with the schema's size). Pure introspection is held
            // to its own depth and to the number of fields written, which bounds aliased copies instead.
            if (context.Error is not null
                && IsPureIntrospection(context.ValidationContext.Operation)
                && context.MaxDepth <= options.IntrospectionMaxDepth
                && DocumentBudget.ExpandedSelections(context.ValidationContext.Document, context.ValidationContext.Operation) <= options.IntrospectionMaxFields)
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
