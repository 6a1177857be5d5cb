using AlpacaConnect.Gql.Notifications;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Notifications.Push;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Control;
using AlpacaConnect.Sandbox.Push;
using Microsoft.EntityFrameworkCore;

namespace AlpacaConnect.Gql.Tests.Notifications;

/// <summary>The server on the system clock with every provider faked; fills happen when a test says, always partly while more than one share is left.</summary>
public sealed class OutcomeHost : PushOrderHost
{
    public OutcomeHost()
    {
        WithSetting("Sandbox:Market:PartialFillProbability", "1");
        // Long enough that no partial fill goes out before the test's last fill.
        WithSetting("Notifications:PartialFillWindow", "00:01:00");
        WithSetting("Notifications:Expo:Retry:BaseDelay", "00:00:00.200");
    }
}

/// <summary>What the dispatcher does with each provider answer, end to end from a fill placed through GraphQL.</summary>
public sealed class OutboxOutcomeTests(OutcomeHost host) : IClassFixture<OutcomeHost>
{
    [Fact]
    public async Task ADeadTokenRemovesItsDeviceAndARateLimitedSendIsRetriedAfterTheProvidersWait()
    {
        using var app = await ConnectedAsync("app-outcomes", "alice");
        var (apns, fcm, expo) = (PushHost.ApnsToken(), PushHost.FcmToken(), PushHost.ExpoToken());
        await RegisterAsync(app, "app-outcomes", new { platform = "APNS", token = apns, apnsEnvironment = "SANDBOX" });
        await RegisterAsync(app, "app-outcomes", new { platform = "FCM", token = fcm });
        await RegisterAsync(app, "app-outcomes", new { platform = "EXPO", token = expo });
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, fcm, FakeFcm.Provider));
        await host.FaultAsync(new PushFaultRule(PushFaultKind.RateLimited, expo, FakeExpo.Provider, Times: 1, RetryAfterSeconds: 1));

        await FillAsync(app, "app-outcomes", "outcomes-1", qty: "1");

        await Eventually.HoldsAsync(() => host.Fakes.Deliveries(FakeExpo.Provider, expo).Count == 1 && host.Fakes.Deliveries(FakeApns.Provider, apns).Count == 1,
            "the APNs device and, after its wait, the Expo device have the fill");
        await Eventually.HoldsAsync(async () => !(await PlatformsAsync(app, "app-outcomes")).Contains("FCM"), () => "the dead FCM device is removed");
        // A batch's accepted rows are recorded after its last send: the provider may have it a moment before the row says so.
        await Eventually.HoldsAsync(async () => (await RowsAsync("app-outcomes")).All(r => r.State != OutboxState.Pending), () => "every row settled");
        var rows = await RowsAsync("app-outcomes");
        Assert.Equal((OutboxState.Sent, 2), rows.Where(r => r.Channel == NotificationChannel.Expo).Select(r => (r.State, r.Attempts)).Single());
        Assert.Equal(OutboxState.Dropped, rows.Single(r => r.Channel == NotificationChannel.Fcm).State);
        Assert.Empty(host.Fakes.Deliveries(FakeFcm.Provider, fcm));
        Assert.Equal(["APNS", "EXPO"], (await PlatformsAsync(app, "app-outcomes")).Order());
    }

    [Fact]
    public async Task PartialFillsWithinTheWindowReachTheDeviceAsOneNotification()
    {
        using var app = await ConnectedAsync("app-partials", "bob");
        var expo = PushHost.ExpoToken();
        await RegisterAsync(app, "app-partials", new { platform = "EXPO", token = expo });

        var passes = await FillAsync(app, "app-partials", "partials-1", qty: "20");

        await Eventually.HoldsAsync(() => host.Fakes.Deliveries(FakeExpo.Provider, expo).Count > 0, "the fill reached the device");
        await Eventually.HoldsAsync(async () => (await RowsAsync("app-partials")).Any(r => r.EventType == "order.filled" && r.State == OutboxState.Sent), () => "the fill's row is recorded as sent");
        var shown = Assert.Single(host.Fakes.Deliveries(FakeExpo.Provider, expo));
        Assert.Equal("order.filled", shown.Data["type"]);
        var rows = await RowsAsync("app-partials");
        Assert.True(passes > 1, "the order filled in several pieces");
        var partials = rows.Where(r => r.EventType == "order.partially_filled").ToList();
        Assert.NotEmpty(partials);
        Assert.All(partials, r => Assert.Equal(OutboxState.Coalesced, r.State));
        Assert.Equal(OutboxState.Sent, rows.Single(r => r.EventType == "order.filled").State);
    }

    private async Task<ConnectDriver> ConnectedAsync(string user, string sandboxUser)
    {
        var app = new ConnectDriver(host, () => host.BaseUri);
        var completed = await app.ConnectAsync(user, sandboxUser);
        Assert.Equal("CONNECTED", completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("status").GetString());
        return app;
    }

    private static async Task RegisterAsync(ConnectDriver app, string user, object device)
    {
        var registered = await app.GraphQLAsync(user, PushHost.RegisterDevice, new { input = device });
        Assert.Equal(0, registered.Data.GetProperty("registerPushDevice").GetProperty("errors").GetArrayLength());
    }

    /// <summary>Places a market buy and runs the sandbox's matching until it is filled; returns the passes (fills) it took.</summary>
    private async Task<int> FillAsync(ConnectDriver app, string user, string key, string qty)
    {
        var placed = await app.GraphQLAsync(user, OrderDriver.PlaceOrder, new { input = OrderDriver.MarketBuy(key, qty) });
        Assert.True(placed.Errors.Count == 0, placed.Raw);
        var id = OrderDriver.Order(placed.Data.GetProperty("placeOrder")).GetProperty("id").GetString();
        for (var pass = 1; pass <= 50; pass++)
        {
            host.Service<SandboxControl>().ProcessNow();
            var order = await app.GraphQLAsync(user, "query($id: ID!) { order(id: $id) { status } }", new { id });
            if (order.Data.GetProperty("order").GetProperty("status").GetString() == "FILLED")
            {
                return pass;
            }
        }

        throw new InvalidOperationException("the order did not fill");
    }

    private static async Task<List<string>> PlatformsAsync(ConnectDriver app, string user)
    {
        var devices = await app.GraphQLAsync(user, "{ pushDevices { platform } }");
        return [.. devices.Data.GetProperty("pushDevices").EnumerateArray().Select(d => d.GetProperty("platform").GetString()!)];
    }

    private async Task<List<OutboxMessage>> RowsAsync(string user)
    {
        await using var db = await host.Service<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.UserId == user).ToListAsync();
    }
}
