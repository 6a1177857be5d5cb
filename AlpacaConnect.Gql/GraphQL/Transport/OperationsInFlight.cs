using System.Diagnostics.Metrics;
using AlpacaConnect.Gql.Observability;

namespace AlpacaConnect.Gql.GraphQL.Transport;

/// <summary>
/// Operations the engine is executing right now, on any transport (a subscription counts until its first result).
/// Exported as <c>alpaca_connect.graphql.operations.in_flight</c>: a count that stays up after clients left is
/// work nobody waits for.
/// </summary>
internal sealed class OperationsInFlight
{
    private int _count;

    public OperationsInFlight(IMeterFactory meters) =>
        meters.Create(AppMetrics.MeterName).CreateObservableUpDownCounter(
            "alpaca_connect.graphql.operations.in_flight", () => Count, "{operation}", "GraphQL operations being executed.");

    public int Count => Volatile.Read(ref _count);

    /// <summary>Counts one operation until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _count);
        return new Exit(this);
    }

    private sealed class Exit(OperationsInFlight owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref owner._count);
            }
        }
    }
}
