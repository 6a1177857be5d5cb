namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Per-request context the facades put on <see cref="HttpRequestMessage.Options"/> (through Refit's
/// <c>[Property]</c>) for the handlers below them. Callers never set it.
/// </summary>
internal static class AlpacaRequestOptions
{
    public const string ConnectionIdKey = "Alpaca.ConnectionId";

    private static readonly HttpRequestOptionsKey<Guid> ConnectionId = new(ConnectionIdKey);

    public static Guid GetConnectionId(HttpRequestMessage request) =>
        request.Options.TryGetValue(ConnectionId, out var id) && id != Guid.Empty
            ? id
            : throw new InvalidOperationException("An Alpaca request was sent without a connection id; use IAlpacaClientFactory.");
}
