using AlpacaConnect.Gql.GraphQL.DataLoading;

namespace AlpacaConnect.Gql.Tests.GraphQL.DataLoading;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task KeysLoadedBeforeTheFirstAwaitAreFetchedInOneBatch()
    {
        var loader = new SquareLoader();
        var pending = new[] { loader.Load(2), loader.Load(3), loader.Load(2) };

        var values = await Task.WhenAll(pending.Select(p => p.GetResultAsync()));

        Assert.Equal([4, 9, 4], values);
        Assert.Equal([[2, 3]], loader.Batches);
    }

    [Fact]
    public async Task AKeyIsFetchedOncePerRequest()
    {
        var loader = new SquareLoader();
        await loader.Load(5).GetResultAsync();

        var again = await loader.Load(5).GetResultAsync();
        var other = await loader.Load(6).GetResultAsync();

        Assert.Equal((25, 36), (again, other));
        Assert.Equal([[5], [6]], loader.Batches);
    }

    [Fact]
    public async Task ErrorsArePerKey()
    {
        var loader = new SquareLoader();
        var good = loader.Load(3);
        var bad = loader.Load(-1);
        var unanswered = loader.Load(13);

        Assert.Equal(9, await good.GetResultAsync());
        Assert.Equal("-1 is negative", (await Assert.ThrowsAsync<ArgumentException>(() => bad.GetResultAsync())).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => unanswered.GetResultAsync());
        Assert.Single(loader.Batches);
    }

    [Fact]
    public async Task AThrowingFetchFailsItsWholeBatchOnly()
    {
        var loader = new SquareLoader();
        var doomed = new[] { loader.Load(0), loader.Load(1) };

        foreach (var result in doomed)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => result.GetResultAsync());
        }

        Assert.Equal(4, await loader.Load(2).GetResultAsync());
    }

    [Fact]
    public async Task AMappedResultStaysInTheBatch()
    {
        var loader = new SquareLoader();
        var mapped = loader.Load(4).Then(v => $"{v}!");
        var plain = loader.Load(5);

        Assert.Equal("16!", await mapped.GetResultAsync());
        Assert.Equal(25, await plain.GetResultAsync());
        Assert.Single(loader.Batches);
    }

    /// <summary>Squares keys: 0 throws for the whole batch, negatives fail alone, 13 is left unanswered.</summary>
    private sealed class SquareLoader : BatchLoader<int, int>
    {
        public List<List<int>> Batches { get; } = [];

        protected override Task FetchAsync(IReadOnlyList<int> keys, BatchResults<int, int> results, CancellationToken cancellationToken)
        {
            Batches.Add([.. keys]);
            if (keys.Contains(0))
            {
                throw new TimeoutException("upstream timed out");
            }

            foreach (var key in keys.Where(k => k != 13))
            {
                if (key < 0)
                {
                    results.Fail(key, new ArgumentException($"{key} is negative"));
                }
                else
                {
                    results.Set(key, key * key);
                }
            }

            return Task.CompletedTask;
        }
    }
}
