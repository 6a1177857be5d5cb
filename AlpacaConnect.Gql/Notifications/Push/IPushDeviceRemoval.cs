namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// Removes a device a provider reported dead, unless it was registered again after <c>invalidSince</c>. The receipt
/// checker's view of the device registry (<c>PushDeviceRegistry.RemoveDeadAsync</c>), which the notifications feature
/// registers; without one, dead Expo receipts are only logged.
/// </summary>
internal interface IPushDeviceRemoval
{
    Task RemoveDeadAsync(Guid deviceId, DateTimeOffset? invalidSince, CancellationToken cancellationToken);
}
