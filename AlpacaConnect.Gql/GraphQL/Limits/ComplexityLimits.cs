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
                && CountFields(context.ValidationContext.Document, context.ValidationContext.Operation) <= options.IntrospectionMaxFields)
            {
                context.Error = null;
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Field selections of the operation with fragments expanded wherever they are spread, which bounds aliased copies.</summary>
    private static int CountFields(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue);

        int Count(GraphQLSelectionSet? set, int depth) => set is null || depth > 64 ? 0 : set.Selections.Sum(s => s switch
        {
            GraphQLField field => 1 + Count(field.SelectionSet, depth + 1),
            GraphQLInlineFragment inline => Count(inline.SelectionSet, depth + 1),
            GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) =>
                Count(fragment.SelectionSet, depth + 1),
            _ => 0,
        });

        return Count(operation.SelectionSet, 0);
    }

    private static bool IsPureIntrospection(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(
            s => s is GraphQLField field && field.Name.Value.Span.StartsWith("__"));
}
