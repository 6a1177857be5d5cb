using GraphQL.Types;

namespace AlpacaConnect.Gql.GraphQL.Schema;

/// <summary>
/// A feature's contribution to a root operation type. Each feature registers its own
/// <c>XQueries</c>, <c>XMutations</c> and <c>XSubscriptions</c>; the roots are composed from them.
/// </summary>
internal interface IRootFields
{
    void AddFieldsTo(ObjectGraphType root);
}

/// <summary>Fields of the root <c>Query</c> type.</summary>
internal interface IQueryFields : IRootFields;

/// <summary>Fields of the root <c>Mutation</c> type.</summary>
internal interface IMutationFields : IRootFields;

/// <summary>Fields of the root <c>Subscription</c> type.</summary>
internal interface ISubscriptionFields : IRootFields;
