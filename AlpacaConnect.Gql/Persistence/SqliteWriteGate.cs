using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using AlpacaConnect.Gql.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlpacaConnect.Gql.Persistence;

/// <summary>
/// One SQLite writer at a time in this process, the others waiting their turn without holding a thread (decision 0020).
/// SQLite takes one writer per database; the others used to wait inside <c>sqlite3_step</c>, each blocking a thread
/// pool thread in SQLite's sleeping busy handler, so that under load the pool ran out of threads and an order's few
/// milliseconds of writing cost hundreds of milliseconds of queueing. A write transaction holds the gate from its
/// start to its end; a write outside one (a single-statement save, <c>ExecuteUpdate</c>) holds it for the statement.
/// Reads never wait: WAL lets them run beside the writer. <see cref="SqliteBusyTimeout"/> still covers writers in
/// other processes. How long writers wait for the gate and hold it is measured
/// (<c>alpaca_connect.db.write_gate.wait</c> and <c>.hold</c>): the hold time's sum over a span of wall time is the share
/// of it the one writer was busy, the ceiling on what a SQLite deployment can write (decision 0045).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The gate must outlive the container: writes still run while the host stops. A SemaphoreSlim whose wait handle is never asked for holds nothing to free.")]
internal sealed class SqliteWriteGate(IMeterFactory meters) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>Longer than any write takes; reached only if a writer waits for itself (a nested write on another context).</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Connections holding the gate now (EF creates one connection object per context).</summary>
    private readonly ConditionalWeakTable<DbConnection, object> _holders = [];

    private readonly Histogram<double> _waited = GateHistogram(meters, "wait", "How long a SQLite write waited for the one writer before it.");

    private readonly Histogram<double> _held = GateHistogram(meters, "hold", "How long a SQLite write (a transaction, or one statement outside one) held the one writer.");

    /// <summary>When the present holder took the gate (one holder at a time: written after taking it, read before releasing it).</summary>
    private long _heldSince;

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(ConnectionOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExitAsync(ConnectionOf(eventData));

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExitAsync(ConnectionOf(eventData));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(ConnectionOf(eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ExitAsync(ConnectionOf(eventData));

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForStatement(command);
        return result;
    }

    // A statement outside a transaction commits when it completes: for a reader (INSERT … RETURNING), when the reader
    // is closed, not when it is returned.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitAfterStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitAfterStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ExitAfterStatement(command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitAfterStatement(command);
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (ExitAfterStatement(command) && MayStepAside)
        {
            await StepAsideAsync();
        }

        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ExitAfterStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        ExitAfterStatement(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitAfterStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitAfterStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitAfterStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitAfterStatement(command);
        return Task.CompletedTask;
    }

    // The safety net: whatever ends with the connection ends the hold (a transaction disposed without commit or rollback).
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection);
        return Task.CompletedTask;
    }

    /// <summary>The connection of a transaction that has ended (a completed transaction no longer names it itself).</summary>
    private static DbConnection? ConnectionOf(TransactionEventData eventData) => eventData.Context?.Database.GetDbConnection();

    /// <summary>A statement that may write and runs outside a transaction (inside one, the transaction holds the gate).</summary>
    private bool NeedsGate(DbCommand command) =>
        command.Connection is { } connection && command.Transaction is null && !_holders.TryGetValue(connection, out _) && MayWrite(command.CommandText);

    private static bool MayWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return !(text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase));
    }

    private async Task EnterForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (NeedsGate(command))
        {
            await EnterAsync(command.Connection!, cancellationToken);
        }
    }

    private void EnterForStatement(DbCommand command)
    {
        if (NeedsGate(command))
        {
            Enter(command.Connection!);
        }
    }

    private bool ExitAfterStatement(DbCommand command) =>
        command.Transaction is null && command.Connection is { } connection && Exit(connection);

    private async Task EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        if (!await _gate.WaitAsync(MaxWait, cancellationToken))
        {
            throw new TimeoutException("A database write waited too long for the one before it.");
        }

        Entered(connection, asked);
    }

    private void Enter(DbConnection connection)
    {
        var asked = Stopwatch.GetTimestamp();
        if (!_gate.Wait(MaxWait))
        {
            throw new TimeoutException("A database write waited too long for the one before it.");
        }

        Entered(connection, asked);
    }

    private void Entered(DbConnection connection, long asked)
    {
        _heldSince = Stopwatch.GetTimestamp();
        _waited.Record(Stopwatch.GetElapsedTime(asked, _heldSince).TotalSeconds);
        _holders.AddOrUpdate(connection, this);
    }

    /// <summary>Releases the gate if <paramref name="connection"/> holds it; any later call for it does nothing. True when a waiting writer now holds it.</summary>
    private bool Exit(DbConnection? connection)
    {
        if (connection is not null && _holders.Remove(connection))
        {
            _held.Record(Stopwatch.GetElapsedTime(_heldSince).TotalSeconds);
            _gate.Release();
            return _gate.CurrentCount == 0;
        }

        return false;
    }

    /// <summary>
    /// After <see cref="Exit"/> handed the gate to a waiting writer, this thread steps aside for it. The waiter's
    /// continuation is queued on this thread's own work queue, which it reads only once its current work item ends, and
    /// the writer that just committed goes on with its request (answering it, sending the order) first: on a busy
    /// thread pool the gate stood free about a fifth of the time, writers waiting. Yielding queues the rest of this
    /// writer's work behind others, so the next writer runs at once.
    /// </summary>
    private static async Task StepAsideAsync()
    {
        await Task.Yield();
    }

    /// <summary>Only on the thread pool: under a synchronization context the yield would queue this writer on that context.</summary>
    private static bool MayStepAside => SynchronizationContext.Current is null;

    private static Histogram<double> GateHistogram(IMeterFactory meters, string name, string description) =>
        meters.Create(AppMetrics.MeterName).CreateHistogram($"alpaca_connect.db.write_gate.{name}", "s", description,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });

    private Task ExitAsync(DbConnection? connection) => Exit(connection) && MayStepAside ? StepAsideAsync() : Task.CompletedTask;
}
