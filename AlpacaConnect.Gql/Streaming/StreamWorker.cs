namespace AlpacaConnect.Gql.Streaming;

/// <summary>The state of one account's worker: created, started and ended by <see cref="TradeUpdatesSupervisor"/>.</summary>
internal sealed class StreamWorker(Guid connectionId, CancellationTokenSource stop)
{
    public Guid ConnectionId { get; } = connectionId;

    public CancellationTokenSource Stop { get; } = stop;

    public Task Run { get; set; } = Task.CompletedTask;

    /// <summary>The account as last read, reconciled while no socket is held; null until the first read succeeds.</summary>
    public StreamTarget? Target { get; set; }

    /// <summary>Failed or short-lived sockets in a row: the exponent of the reconnect backoff.</summary>
    public int Attempt { get; set; }

    /// <summary>When the last reconciliation started (a <see cref="TimeProvider"/> timestamp); null before the first.</summary>
    public long? LastReconciled { get; set; }

    /// <summary>Set when new demand arrives while the worker runs, so it does not retire on an old answer.</summary>
    public volatile bool Poked;

    /// <summary>True while the worker waits out a reconnect backoff (no socket).</summary>
    public volatile bool BackingOff;

    /// <summary>When the pending delayed reconciliation is due (<see cref="ReconcileScheduled"/>).</summary>
    public DateTimeOffset ReconcileDueAt { get; set; }

    /// <summary>1 while a delayed reconciliation is pending (<see cref="ReconciliationScheduler.ReconcileSoon"/>).</summary>
    public int ReconcileScheduled;

    /// <summary>1 while a reconciliation runs.</summary>
    public int Reconciling;

    /// <summary>
    /// Waiting out a backoff with no call in flight or due: only the clock can move it on. Tests step a fake clock then,
    /// so that no call is sent under one time and received under another.
    /// </summary>
    public bool WaitsOnlyForTime(DateTimeOffset now) =>
        BackingOff && Volatile.Read(ref Reconciling) == 0 && (Volatile.Read(ref ReconcileScheduled) == 0 || now < ReconcileDueAt);
}
