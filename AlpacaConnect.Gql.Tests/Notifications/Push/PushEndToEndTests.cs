using AlpacaConnect.Gql.Tests.Connections;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using AlpacaConnect.Sandbox.Control;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Notifications.Push;

/// <summary>The server on the system clock, with the fill delay long so an order fills when the test says.</summary>
public class PushOrderHost : PushHost
{
    public PushOrderHost()
        : base(realClock: true)
    {
        WithSetting("Connections:AllowedReturnTo:0", ConnectDriver.ReturnTo);
        WithSetting("Sandbox:Market:FillDelay", "00:10:00");
        WithSetting("Notifications:PollInterval", "00:00:00.100");
    }
}

/// <summary>A fill reaches each of the user's devices once, through GraphQL, the outbox, the dispatcher and each sender.</summary>
public sealed class PushEndToEndTests(PushOrderHost host) : IClassFixture<PushOrderHost>
{
    [Fact]
    public async Task AFilledOrderShowsOneNotificationOnEachRegisteredDevice()
    {
        using var connect = new ConnectDriver(host, () => host.BaseUri);
        var completed = await connect.ConnectAsync("app-push", "alice");
        Assert.Equal("CONNECTED", completed.Data.GetProperty("completeAlpacaConnection").GetProperty("connection").GetProperty("status").GetString());
        var apns = PushHost.ApnsToken();
        var fcm = PushHost.FcmToken();
        var expo = PushHost.ExpoToken();
        foreach (var device in new object[]
        {
            new { platform = "APNS", token = apns, apnsEnvironment = "SANDBOX" },
            new { platform = "FCM", token = fcm },
            new { platform = "EXPO", token = expo },
        })
        {
            var registered = await connect.GraphQLAsync("app-push", PushHost.RegisterDevice, new { input = device });
            Assert.Equal(0, registered.Data.GetProperty("registerPushDevice").GetProperty("errors").GetArrayLength());
        }

        var placed = await connect.GraphQLAsync("app-push", OrderDriver.PlaceOrder, new { input = OrderDriver.MarketBuy("push-e2e-1") });
        Assert.True(placed.Errors.Count == 0, placed.Raw);
        host.Service<SandboxControl>().ProcessNow();

        var devices = new[] { (FakeApns.Provider, apns), (FakeFcm.Provider, fcm), (FakeExpo.Provider, expo) };
        await Eventually.HoldsAsync(() => devices.All(d => host.Fakes.DeviceView(d.Item1, d.Item2).Count > 0), "a notification on every device");
        foreach (var (provider, token) in devices)
        {
            var shown = Assert.Single(host.Fakes.DeviceView(provider, token));
            Assert.Single(host.Fakes.Deliveries(provider, token));
            Assert.False(string.IsNullOrEmpty(shown.Title));
        }
    }
}
