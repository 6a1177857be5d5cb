using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>
/// The size of an operation as it would execute: every selection counted once per place it ends up, so a fragment
/// spread twice counts twice. A few hundred bytes of fragments that each spread the previous one twice describe
/// 2^n selections; counting them one by one (as a naive walk, and the engine's own analysis, would) takes as long
/// as executing them, so each fragment's total is computed once and reused. Checked before the engine sees the
/// document, so no validation rule ever walks an oversized expansion.
/// </summary>
internal static class DocumentBudget
{
    /// <summary>QUERY_TOO_COMPLEX when any operation of the document expands past <paramref name="maxSelections"/>.</summary>
    public static ApiException? Check(GraphQLDocument document, int maxSelections)
    {
        var counter = new Counter(document);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            if (counter.Selections(operation.SelectionSet) > maxSelections)
            {
                return new ApiException(ErrorCodes.QueryTooComplex,
                    $"The operation selects more than {maxSelections} fields once its fragments are expanded.");
            }
        }

        return null;
    }

    /// <summary>Selections of <paramref name="operation"/> with fragments expanded wherever they are spread.</summary>
    public static long ExpandedSelections(GraphQLDocument document, GraphQLOperationDefinition operation) =>
        new Counter(document).Selections(operation.SelectionSet);

    /// <summary>Linear in the document's size: each fragment is counted once and remembered.</summary>
    private sealed class Counter(GraphQLDocument document)
    {
        /// <summary>Saturates here, far above any budget, instead of overflowing.</summary>
        private const long Ceiling = int.MaxValue;

        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .DistinctBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(f => f.FragmentName.Name.StringValue);

        private readonly Dictionary<string, long> _totals = [];
        private readonly HashSet<string> _inProgress = [];

        public long Selections(GraphQLSelectionSet? set)
        {
            if (set is null)
            {
                return 0;
            }

            long total = 0;
            foreach (var selection in set.Selections)
            {
                total = Math.Min(Ceiling, total + 1 + selection switch
                {
                    GraphQLField field => Selections(field.SelectionSet),
                    GraphQLInlineFragment inline => Selections(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => 0,
                });
            }

            return total;
        }

        /// <summary>A cycle counts nothing here: the engine refuses cycles itself (NoFragmentCycles).</summary>
        private long Fragment(string name)
        {
            if (_totals.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
            {
                return 0;
            }

            var total = Selections(fragment.SelectionSet);
            _inProgress.Remove(name);
            _totals[name] = total;
            return total;
        }
    }
}
