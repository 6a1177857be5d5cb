using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>Two instances on one PostgreSQL database, both dispatching the outbox at once: every row is sent by one of them, once.</summary>
public sealed class OutboxAcrossInstancesTests : IDisposable
{
    private const int Devices = 20;
    private const int RowsPerDevice = 10;

    private readonly TwoInstances _cluster = new(configureAgainst: (host, upstream) => host
        .WithSetting("Notifications:Expo:Enabled", "true")
        .WithSetting("Notifications:Expo:BaseAddress", new Uri(upstream.BaseUri, "/sandbox/push/expo").ToString())
        // Small batches polled often: the two instances claim side by side rather than one taking everything.
        .WithSetting("Notifications:BatchSize", "3")
        .WithSetting("Notifications:PollInterval", "00:00:00.050"));

    [ScaleOutFact]
    public async Task EachRowIsSentOnceWhileBothInstancesDispatch()
    {
        var tokens = new List<string>();
        var rows = new List<OutboxMessage>();
        for (var i = 0; i < Devices; i++)
        {
            var token = $"ExponentPushToken[twoinstances{i:00}x{Guid.NewGuid():N}]";
            var user = $"app-user-{i}";
            var registered = await _cluster.Driver(1 + (i % 2)).GraphQLAsync(user,
                "mutation($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id } } }", new { input = new { platform = "EXPO", token } });
            var deviceId = Guid.Parse(registered.Data.GetProperty("registerPushDevice").GetProperty("device").GetProperty("id").GetString()!);
            tokens.Add(token);
            rows.AddRange(Enumerable.Range(1, RowsPerDevice).Select(sequence => Row(user, deviceId, sequence)));
        }

        // Written at once, as a burst of fills writes them; both instances' dispatchers find them on their next poll.
        await using (var db = await Databases(1).CreateDbContextAsync())
        {
            db.AddRange(rows);
            await db.SaveChangesAsync();
        }

        var ids = rows.Select(r => r.Id).ToList();
        await Eventually.HoldsAsync(async () => await SentAsync(ids) == ids.Count, () => "every row sent");

        var fakes = _cluster.Upstream.Services.GetRequiredService<PushFakeStore>();
        var deliveries = tokens.SelectMany(t => fakes.Deliveries(FakeExpo.Provider, t)).ToList();
        Assert.Equal(rows.Count, deliveries.Count);
        Assert.Equal(rows.Select(r => r.DedupId).Order(), deliveries.Select(d => d.Id).Order());
        await using var check = await Databases(2).CreateDbContextAsync();
        var senders = await check.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).Select(m => m.SentBy).Distinct().ToListAsync();
        Assert.Equal(2, senders.Count);
    }

    public void Dispose() => _cluster.Dispose();

    private IDbContextFactory<AppDbContext> Databases(int instance) =>
        _cluster.Host(instance).Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private async Task<int> SentAsync(List<long> ids)
    {
        await using var db = await Databases(2).CreateDbContextAsync();
        return await db.Set<OutboxMessage>().CountAsync(m => ids.Contains(m.Id) && m.State == OutboxState.Sent);
    }

    private static OutboxMessage Row(string user, Guid deviceId, int sequence) => new()
    {
        UserId = user,
        Channel = NotificationChannel.Expo,
        DeviceId = deviceId,
        DedupId = NotificationIds.Uuid("push", deviceId, user, sequence),
        CollapseKey = $"order-{sequence}",
        EventType = "order.filled",
        EventSequence = sequence,
        Payload = """{"title":"Order filled","body":"Open the app to see the details.","data":{"type":"order.filled"}}""",
        CreatedAt = TimeProvider.System.GetUtcNow(),
        NextAttemptAt = TimeProvider.System.GetUtcNow(),
    };
}
