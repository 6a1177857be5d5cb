namespace AlpacaConnect.Gql.Identity;

/// <summary>
/// Endpoint metadata: the endpoint authenticates its callers with a scheme of its own (the operator API's audience), so
/// a token app users cannot present is not refused on their behalf before it gets there.
/// </summary>
internal sealed record SeparateAuthentication(string Scheme);
