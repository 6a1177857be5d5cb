namespace AlpacaConnect.Gql.Tests.TestHost;

/// <summary>A hot event source tests push into; it can tell how many subscribers are attached.</summary>
public sealed class ProbeSubject<T> : IObservable<T>
{
    private readonly Lock _gate = new();
    private readonly List<IObserver<T>> _observers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _observers.Count;
            }
        }
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_gate)
        {
            _observers.Add(observer);
            Changed();
        }

        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _observers.Remove(observer);
                Changed();
            }
        });
    }

    public void OnNext(T value)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnNext(value);
        }
    }

    public void OnCompleted()
    {
        foreach (var observer in Snapshot())
        {
            observer.OnCompleted();
        }
    }

    /// <summary>Waits (with a safety timeout) until the number of subscribers satisfies <paramref name="condition"/>.</summary>
    public async Task WaitForSubscribersAsync(Func<int, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_observers.Count))
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(timeout.Token);
        }
    }

    private IObserver<T>[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _observers];
        }
    }

    private void Changed()
    {
        _changed.TrySetResult();
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
