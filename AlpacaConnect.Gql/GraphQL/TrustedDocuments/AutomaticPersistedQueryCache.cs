using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>
/// Documents registered by Apollo's automatic persisted queries, by hash. Anyone may register, so the cache is
/// bounded by the bytes of text it holds and evicts the least recently used when full; a client whose document
/// was evicted (or registered on another instance) gets <c>PERSISTED_QUERY_NOT_FOUND</c> and sends it again.
/// </summary>
internal sealed class AutomaticPersistedQueryCache(IOptions<TrustedDocumentsOptions> options) : IDisposable
{
    private readonly MemoryCache _documents = new(new MemoryCacheOptions
    {
        SizeLimit = options.Value.AutomaticPersistedQueriesCacheBytes,
        CompactionPercentage = 0.25,
    });

    public string? Find(string hash) => _documents.TryGetValue(hash, out string? query) ? query : null;

    public void Store(string hash, string query) =>
        _documents.Set(hash, query, new MemoryCacheEntryOptions { Size = sizeof(char) * (long)query.Length });

    public void Dispose() => _documents.Dispose();
}
