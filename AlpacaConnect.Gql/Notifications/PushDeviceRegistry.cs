using AlpacaConnect.Gql.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// The signed-in user's push devices. A token is one device whoever registers it: registering it again refreshes it,
/// from another user moves it (the phone changed hands or accounts). A user keeps at most
/// <see cref="NotificationsOptions.MaxDevicesPerUser"/>; a new one past that replaces the one registered longest ago,
/// since old phones are seldom unregistered.
/// </summary>
internal sealed class PushDeviceRegistry(IDbContextFactory<AppDbContext> databases, IOptionsMonitor<NotificationsOptions> options, TimeProvider time)
{
    private const int MaxWriteAttempts = 3;

    public async Task<PushDevice> RegisterAsync(
        string userId, PushPlatform platform, string token, string? environment, bool showDetails, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var device = await db.Set<PushDevice>().SingleOrDefaultAsync(d => d.Platform == platform && d.Token == token, cancellationToken);
            if (device is null)
            {
                device = new PushDevice { Id = Guid.NewGuid(), UserId = userId, Platform = platform, Token = token };
                db.Add(device);
            }

            device.UserId = userId;
            device.Environment = environment;
            device.ShowDetails = showDetails;
            device.RegisteredAt = time.GetUtcNow();
            var others = await db.Set<PushDevice>().Where(d => d.UserId == userId && d.Id != device.Id)
                .OrderByDescending(d => d.RegisteredAt).Skip(options.CurrentValue.MaxDevicesPerUser - 1).ToListAsync(cancellationToken);
            db.RemoveRange(others);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return device;
            }
            catch (DbUpdateException) when (attempt < MaxWriteAttempts)
            {
                // Another request registered the same token first: take its row on the next pass.
            }
        }
    }

    /// <summary>Removes the caller's device with this token; false when the caller has none.</summary>
    public async Task<Guid?> UnregisterAsync(string userId, PushPlatform platform, string token, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var device = await db.Set<PushDevice>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Platform == platform && d.Token == token && d.UserId == userId, cancellationToken);
        if (device is null)
        {
            return null;
        }

        await db.Set<PushDevice>().Where(d => d.Id == device.Id).ExecuteDeleteAsync(cancellationToken);
        return device.Id;
    }

    public async Task<IReadOnlyList<PushDevice>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var devices = await db.Set<PushDevice>().AsNoTracking().Where(d => d.UserId == userId).ToListAsync(cancellationToken);
        return [.. devices.OrderBy(d => d.RegisteredAt)];
    }

    /// <summary>
    /// Removes a device its provider called dead, unless it was registered again after <paramref name="invalidSince"/>
    /// (the app handed the same token in anew, which Apple says revives it, facts 1.5). True when removed.
    /// </summary>
    public async Task<bool> RemoveDeadAsync(Guid deviceId, DateTimeOffset? invalidSince, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var device = await db.Set<PushDevice>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken);
        if (device is null || (invalidSince is { } since && device.RegisteredAt > since))
        {
            return false;
        }

        return await db.Set<PushDevice>().Where(d => d.Id == deviceId && d.RegisteredAt == device.RegisteredAt)
            .ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
