namespace AlpacaConnect.Gql.GraphQL.DataLoading;

/// <summary>Where a <see cref="BatchLoader{TKey,TValue}"/> fetch answers each key of its batch, with a value or its own error.</summary>
internal sealed class BatchResults<TKey, TValue>
    where TKey : notnull
{
    private readonly IReadOnlyDictionary<TKey, TaskCompletionSource<TValue>> _sinks;

    internal BatchResults(IReadOnlyDictionary<TKey, TaskCompletionSource<TValue>> sinks)
    {
        _sinks = sinks;
    }

    /// <summary>Answers <paramref name="key"/>; keys outside the batch are ignored, and only the first answer counts.</summary>
    public void Set(TKey key, TValue value)
    {
        if (_sinks.TryGetValue(key, out var sink))
        {
            sink.TrySetResult(value);
        }
    }

    /// <summary>Fails only <paramref name="key"/>; the other keys of the batch are unaffected.</summary>
    public void Fail(TKey key, Exception error)
    {
        if (_sinks.TryGetValue(key, out var sink))
        {
            sink.TrySetException(error);
        }
    }

    internal void FailUnanswered(Func<TKey, Exception> error)
    {
        foreach (var (key, sink) in _sinks)
        {
            if (!sink.Task.IsCompleted)
            {
                sink.TrySetException(error(key));
            }
        }
    }
}
