using GraphQL.Types;

namespace AlpacaConnect.Gql.GraphQL.Schema;

/// <summary>The schema, with its three roots composed from the features' root-field classes.</summary>
internal sealed class ApiSchema : global::GraphQL.Types.Schema
{
    public ApiSchema(
        IServiceProvider services,
        IEnumerable<IQueryFields> queries,
        IEnumerable<IMutationFields> mutations,
        IEnumerable<ISubscriptionFields> subscriptions)
        : base(services)
    {
        Query = Compose("Query", queries)
            ?? throw new InvalidOperationException("No feature contributes a Query field.");
        Mutation = Compose("Mutation", mutations);
        Subscription = Compose("Subscription", subscriptions);
    }

    private static ObjectGraphType? Compose(string name, IEnumerable<IRootFields> contributors)
    {
        var root = new ObjectGraphType { Name = name };
        foreach (var contributor in contributors)
        {
            contributor.AddFieldsTo(root);
        }

        return root.Fields.Count == 0 ? null : root;
    }
}
