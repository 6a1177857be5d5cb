namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>Pushes an async stream to one observer; disposing the subscription cancels the stream.</summary>
public sealed class AsyncEnumerableObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var cancel = new CancellationTokenSource();
        _ = PumpAsync(observer, cancel.Token);
        return cancel;
    }

    private async Task PumpAsync(IObserver<T> observer, CancellationToken token)
    {
        try
        {
            await foreach (var item in source(token).WithCancellation(token))
            {
                observer.OnNext(item);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Unsubscribed.
        }
        catch (Exception exception)
        {
            observer.OnError(exception);
        }
    }
}
