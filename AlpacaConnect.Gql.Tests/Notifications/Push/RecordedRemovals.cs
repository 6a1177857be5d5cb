using System.Collections.Concurrent;
using AlpacaConnect.Gql.Notifications.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>Stands in for the device registry: records what a provider reported dead.</summary>
public sealed class RecordedRemovals : IPushDeviceRemoval
{
    private readonly ConcurrentQueue<(Guid DeviceId, DateTimeOffset? InvalidSince)> _removed = new();

    public IReadOnlyList<(Guid DeviceId, DateTimeOffset? InvalidSince)> Removed => [.. _removed];

    Task IPushDeviceRemoval.RemoveDeadAsync(Guid deviceId, DateTimeOffset? invalidSince, CancellationToken cancellationToken)
    {
        _removed.Enqueue((deviceId, invalidSince));
        return Task.CompletedTask;
    }
}
