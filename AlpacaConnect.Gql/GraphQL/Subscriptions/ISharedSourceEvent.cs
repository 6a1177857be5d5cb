namespace AlpacaConnect.Gql.GraphQL.Subscriptions;

/// <summary>
/// A subscription's source event handed, as one instance, to many subscribers (all of one user's subscriptions on
/// this instance): subscribers with the same document, variables and user may then share one execution and one
/// serialization of it (<see cref="SharedResultsStrategy"/>). Such an event must not change after it is published.
/// </summary>
internal interface ISharedSourceEvent;
