using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.GraphQL.DataLoading;

namespace AlpacaConnect.Gql.Trading.Reads;

/// <summary>
/// One upstream read per connection, loaded at most once per request (a scoped <see cref="BatchLoader{TKey,TValue}"/>)
/// and through <see cref="ConnectionReadCache"/> across requests. Each connection of a batch succeeds or fails alone.
/// </summary>
internal abstract class ConnectionReadLoader<T>(IAlpacaClientFactory clients, ConnectionReadCache cache, string what)
    : BatchLoader<AlpacaConnectionRef, T>
{
    protected abstract TimeSpan Ttl { get; }

    /// <summary>The upstream call. It runs without the request's token: other requests may be sharing it.</summary>
    protected abstract Task<T> ReadAsync(IAlpacaTradingClient client);

    protected override async Task FetchAsync(
        IReadOnlyList<AlpacaConnectionRef> keys, BatchResults<AlpacaConnectionRef, T> results, CancellationToken cancellationToken) =>
        await Task.WhenAll(keys.Select(async connection =>
        {
            try
            {
                results.Set(connection, await cache.GetOrLoadAsync(
                    connection.ConnectionId, what, Ttl, () => ReadAsync(clients.ForConnection(connection)), cancellationToken));
            }
            catch (Exception error)
            {
                results.Fail(connection, error);
            }
        }));
}
