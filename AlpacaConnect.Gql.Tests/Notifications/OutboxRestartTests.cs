using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Notifications.Push;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Notifications;

/// <summary>
/// The server stopped after the provider accepted a notification and before it recorded that: the next server on the
/// same database sends it again with the same dedup id, so the device shows it once and it is not lost. The provider
/// (Expo's fake) lives in a host of its own, which outlives both servers.
/// </summary>
public sealed class OutboxRestartTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alpaca-outbox-restart-{Guid.NewGuid():N}.db");
    private readonly SandboxHost _provider = new();

    [Fact]
    public async Task AServerStoppedBetweenTheProvidersAcceptAndItsRecordSendsOnceMoreUnderTheSameIdAndTheDeviceShowsItOnce()
    {
        var token = $"ExponentPushToken[restart{Guid.NewGuid():N}]"[..40] + "]";
        Assert.NotNull(_provider.BaseUri); // listening on loopback before anything asks for its services
        var fakes = _provider.Services.GetRequiredService<PushFakeStore>();
        _provider.Services.GetRequiredService<PushFaults>().Add(new PushFaultRule(PushFaultKind.AcceptThenHang, token, FakeExpo.Provider, Times: 1));

        long rowId;
        using (var first = Server())
        {
            rowId = await RegisterAndWriteRowAsync(first, token);
            await Eventually.HoldsAsync(() => fakes.Deliveries(FakeExpo.Provider, token).Count == 1, "the provider accepted the notification");
            Assert.Equal(OutboxState.Pending, (await RowAsync(first, rowId)).State);
        }

        using var second = Server();
        await Eventually.HoldsAsync(async () => (await RowAsync(second, rowId)).State == OutboxState.Sent, () => "the next server sent the row");

        var deliveries = fakes.Deliveries(FakeExpo.Provider, token);
        Assert.Equal(2, deliveries.Count);
        Assert.Single(deliveries.Select(d => d.Id).Distinct());
        Assert.Single(fakes.DeviceView(FakeExpo.Provider, token));
        Assert.Equal(1, (await RowAsync(second, rowId)).Attempts); // the attempt the stopped server made was never recorded
    }

    public void Dispose()
    {
        _provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    /// <summary>A server on the shared database that pushes to the provider host's Expo fake; a claim runs out after two seconds.</summary>
    private SandboxHost Server()
    {
        var server = new SandboxHost();
        server.WithSetting("Persistence:ConnectionString", $"Data Source={_database}")
        .WithSetting("Notifications:Expo:Enabled", "true")
        .WithSetting("Notifications:Expo:BaseAddress", new Uri(_provider.BaseUri, "/sandbox/push/expo").ToString())
        .WithSetting("Notifications:Expo:Timeout", "00:01:00")
        .WithSetting("Notifications:ClaimLease", "00:00:02")
        .WithSetting("Notifications:PollInterval", "00:00:00.050");
        return server;
    }

    private static async Task<long> RegisterAndWriteRowAsync(SandboxHost server, string token)
    {
        using var app = new ConnectDriver(server);
        var registered = await app.GraphQLAsync("app-restart", PushHost.RegisterDevice, new { input = new { platform = "EXPO", token } });
        var deviceId = Guid.Parse(registered.Data.GetProperty("registerPushDevice").GetProperty("device").GetProperty("id").GetString()!);

        // The row an order's fill writes in its transaction (OutboxWriter); written here directly, the dispatcher is what is tested.
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = new OutboxMessage
        {
            UserId = "app-restart",
            Channel = NotificationChannel.Expo,
            DeviceId = deviceId,
            DedupId = NotificationIds.Uuid("push", deviceId, "app-restart", 1),
            CollapseKey = "order-restart",
            EventType = "order.filled",
            EventSequence = 1,
            Payload = """{"title":"Order filled","body":"Open the app to see the details.","data":{"type":"order.filled","sequence":"1"}}""",
            CreatedAt = TimeProvider.System.GetUtcNow(),
            NextAttemptAt = TimeProvider.System.GetUtcNow(),
        };
        db.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static async Task<OutboxMessage> RowAsync(SandboxHost server, long id)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
