using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// Reads Expo's receipts for sent tickets once they are <see cref="ExpoOptions.ReceiptDelay"/> old (facts 3.3):
/// <c>DeviceNotRegistered</c> often shows up only there, so this is where an uninstalled Expo app's device is removed.
/// </summary>
internal sealed partial class ExpoReceiptChecker(
    IDbContextFactory<AppDbContext> databases, IHttpClientFactory clients, IOptionsMonitor<ExpoOptions> options,
    PushDeviceRegistry devices, TimeProvider time, ILogger<ExpoReceiptChecker> logger) : BackgroundService
{
    /// <summary>Expo's SDK asks for 300 at a time; the API takes up to 1000.</summary>
    public const int ChunkSize = 300;

    /// <summary>Expo clears receipts after a day: a ticket still without one then will never have one.</summary>
    private static readonly TimeSpan ReceiptsKept = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.ReceiptPollInterval, time, stoppingToken);
                if (options.CurrentValue.IsConfigured)
                {
                    await CheckDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or DbUpdateException or TaskCanceledException or InvalidOperationException)
            {
                LogCheckFailed(logger, e.GetType().Name);
            }
        }
    }

    /// <summary>Checks every ticket that is due; returns how many receipts were read.</summary>
    public async Task<int> CheckDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var dueBefore = now - settings.ReceiptDelay;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.Channel == NotificationChannel.Expo && m.State == OutboxState.Sent && m.ProviderId != null
                && m.ReceiptCheckedAt == null && m.SentAt != null && m.SentAt <= dueBefore)
            .OrderBy(m => m.Id)
            .Take(ChunkSize * 4)
            .ToListAsync(cancellationToken);
        var read = 0;
        foreach (var chunk in due.Chunk(ChunkSize))
        {
            read += await CheckAsync(settings, chunk, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return read;
    }

    private async Task<int> CheckAsync(ExpoOptions settings, OutboxMessage[] rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new JsonArray([.. rows.Select(r => JsonValue.Create(r.ProviderId))]);
        using var response = await ExpoCalls.PostAsync(clients, settings, "getReceipts", new JsonObject { ["ids"] = ids }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogCheckFailed(logger, $"Http{(int)response.StatusCode}");
            return 0;
        }

        var receipts = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["data"] as JsonObject ?? [];
        var read = 0;
        foreach (var row in rows)
        {
            if (receipts[row.ProviderId!] is not { } receipt)
            {
                // No receipt yet; after a day there never will be one.
                row.ReceiptCheckedAt = now - row.SentAt > ReceiptsKept ? now : null;
                continue;
            }

            read++;
            row.ReceiptCheckedAt = now;
            if (receipt["status"]?.GetValue<string>() == "error" && ExpoCalls.DetailsError(receipt) is { } error)
            {
                row.LastError = error;
                LogReceiptError(logger, row.DedupId, error);
                if (error == "DeviceNotRegistered" && row.DeviceId is { } deviceId)
                {
                    // Sent to a token that was dead by then: a registration after the send is a new app install and stays.
                    await devices.RemoveDeadAsync(deviceId, row.SentAt, cancellationToken);
                }
            }
        }

        return read;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expo receipt check failed ({Reason}); it is tried again on the next round.")]
    private static partial void LogCheckFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expo receipt for push {DedupId}: {Error}.")]
    private static partial void LogReceiptError(ILogger logger, string dedupId, string error);
}
