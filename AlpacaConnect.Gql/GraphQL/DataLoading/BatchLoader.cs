using GraphQL.DataLoader;

namespace AlpacaConnect.Gql.GraphQL.DataLoading;

/// <summary>
/// A per-request batch loader (register scoped). Resolvers return <see cref="Load"/>'s result; the engine runs the
/// rest of the level first, so the keys queued meanwhile are fetched together by one <see cref="FetchAsync"/> call.
/// <list type="bullet">
/// <item>Keys are cached for the request: loading a key twice gives the same result (and the same failure) without a
/// second fetch, so one response shows one consistent read.</item>
/// <item>Errors are per key: <see cref="BatchResults{TKey,TValue}.Fail"/> fails one key; a fetch that throws fails
/// the keys of its batch that have no result yet; a key the fetch leaves unanswered fails with an explicit error.</item>
/// <item>Cancellation: a batch runs with the token of the first result awaited (the request's own); every other
/// wait stops on its own token.</item>
/// </list>
/// </summary>
internal abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _sync = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> _results;
    private List<TKey> _queued = [];

    protected BatchLoader(IEqualityComparer<TKey>? comparer = null)
    {
        _results = new Dictionary<TKey, TaskCompletionSource<TValue>>(comparer);
    }

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_sync)
        {
            if (!_results.TryGetValue(key, out var result))
            {
                result = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                _results.Add(key, result);
                _queued.Add(key);
            }

            return new Pending(this, result.Task);
        }
    }

    /// <summary>Fetches <paramref name="keys"/> (distinct, in load order) and answers each through <paramref name="results"/>.</summary>
    protected abstract Task FetchAsync(IReadOnlyList<TKey> keys, BatchResults<TKey, TValue> results, CancellationToken cancellationToken);

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<TKey> batch;
        lock (_sync)
        {
            if (_queued.Count == 0)
            {
                return;
            }

            (batch, _queued) = (_queued, []);
        }

        var sinks = batch.ToDictionary(key => key, key => _results[key], _results.Comparer);
        var results = new BatchResults<TKey, TValue>(sinks);
        try
        {
            await FetchAsync(batch, results, cancellationToken);
            results.FailUnanswered(key => new InvalidOperationException($"The batch fetch returned no result for '{key}'."));
        }
        catch (Exception exception)
        {
            results.FailUnanswered(_ => exception);
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Task<TValue> result) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!result.IsCompleted)
            {
                await loader.DispatchAsync(cancellationToken);
            }

            return await result.WaitAsync(cancellationToken);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
