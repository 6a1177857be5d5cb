using GraphQL.DataLoader;

namespace AlpacaConnect.Gql.GraphQL.DataLoading;

internal static class DataLoaderResultExtensions
{
    /// <summary>A pending result transformed once it is loaded; the load itself stays batched.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> selector) =>
        new Mapped<T, TResult>(result, selector);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> selector) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            selector(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
