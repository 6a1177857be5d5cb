using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Sandbox.Control;

/// <summary>The most recent requests, oldest first (capacity <c>Sandbox:RequestLogCapacity</c>).</summary>
public sealed class RequestLog(IOptions<SandboxOptions> options)
{
    private readonly ConcurrentQueue<SandboxRequestRecord> _records = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(SandboxRequestRecord record)
    {
        _records.Enqueue(record);
        while (_records.Count > options.Value.RequestLogCapacity && _records.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<SandboxRequestRecord> Snapshot() => _records.OrderBy(r => r.Sequence).ToList();

    public void Clear() => _records.Clear();
}
