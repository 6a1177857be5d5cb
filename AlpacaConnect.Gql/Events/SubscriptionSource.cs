using System.Threading.Channels;

namespace AlpacaConnect.Gql.Events;

/// <summary>
/// Turns bus events into a subscription's source stream: filtered on the publisher's thread, projected
/// asynchronously (e.g. read from the database) in order on a per-subscriber loop, so a slow projection
/// never blocks the publisher or other subscribers.
/// </summary>
internal static class SubscriptionSource
{
    /// <summary>A projection that answers null (e.g. the row is gone) sends nothing for that event.</summary>
    public static IObservable<TOut> Project<TIn, TOut>(
        IObservable<TIn> source, Func<TIn, bool> filter, Func<TIn, CancellationToken, Task<TOut>> project) =>
        new Projection<TIn, TOut>(source, filter, project);

    /// <summary>Holds <paramref name="acquire"/>'s handle for as long as each subscriber stays subscribed.</summary>
    public static IObservable<T> WhileSubscribed<T>(IObservable<T> source, Func<IDisposable> acquire) => new Holding<T>(source, acquire);

    private sealed class Holding<T>(IObservable<T> source, Func<IDisposable> acquire) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            // Subscribed before acquiring: once the handle is held, no event can slip past the subscriber.
            var subscription = source.Subscribe(observer);
            try
            {
                return new Both(subscription, acquire());
            }
            catch
            {
                subscription.Dispose();
                throw;
            }
        }

        private sealed class Both(IDisposable first, IDisposable second) : IDisposable
        {
            public void Dispose()
            {
                first.Dispose();
                second.Dispose();
            }
        }
    }

    private sealed class Projection<TIn, TOut>(
        IObservable<TIn> source, Func<TIn, bool> filter, Func<TIn, CancellationToken, Task<TOut>> project) : IObservable<TOut>
    {
        public IDisposable Subscribe(IObserver<TOut> observer)
        {
            var queue = Channel.CreateBounded<TIn>(new BoundedChannelOptions(1024) { SingleReader = true });
            var stop = new CancellationTokenSource();
            var subscription = source.Subscribe(new Feeder(queue.Writer, filter));
            _ = PumpAsync(queue.Reader, observer, stop.Token);
            return new Stopper(subscription, queue.Writer, stop);
        }

        private async Task PumpAsync(ChannelReader<TIn> reader, IObserver<TOut> observer, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var item in reader.ReadAllAsync(cancellationToken))
                {
                    if (await project(item, cancellationToken) is { } projected)
                    {
                        observer.OnNext(projected);
                    }
                }

                observer.OnCompleted();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Unsubscribed.
            }
            catch (Exception e)
            {
                observer.OnError(e);
            }
        }

        private sealed class Feeder(ChannelWriter<TIn> writer, Func<TIn, bool> filter) : IObserver<TIn>
        {
            public void OnNext(TIn value)
            {
                // A full queue means the subscriber stopped reading; completing the stream tells it so
                // instead of silently dropping events.
                if (filter(value) && !writer.TryWrite(value))
                {
                    writer.TryComplete(new InvalidOperationException("The subscriber fell too far behind."));
                }
            }

            public void OnError(Exception error) => writer.TryComplete(error);

            public void OnCompleted() => writer.TryComplete();
        }

        private sealed class Stopper(IDisposable subscription, ChannelWriter<TIn> writer, CancellationTokenSource stop) : IDisposable
        {
            public void Dispose()
            {
                subscription.Dispose();
                writer.TryComplete();
                stop.Cancel();
                stop.Dispose();
            }
        }
    }
}
