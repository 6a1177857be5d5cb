using System.Text.Json;
using AlpacaConnect.Gql.Tests.Trading.Reads;

namespace AlpacaConnect.Gql.Tests.Notifications;

/// <summary>registerPushDevice, unregisterPushDevice and pushDevices through GraphQL: validated, deduplicated, bounded per user.</summary>
public sealed class PushDeviceTests : IDisposable
{
    private const string Register = "mutation($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { device { id platform apnsEnvironment showDetails } errors { __typename ... on PushDeviceInputError { code field message } } } }";
    private const string Unregister = "mutation($input: UnregisterPushDeviceInput!) { unregisterPushDevice(input: $input) { removedDeviceId errors { __typename } } }";
    private const string List = "{ pushDevices { id platform } }";
    private static readonly string ApnsToken = string.Concat(Enumerable.Repeat("a1b2c3d4", 8));
    private readonly ReadsHost _host = new();

    public PushDeviceTests() => _host.WithSetting("Notifications:MaxDevicesPerUser", "2");

    [Fact]
    public async Task ATokenIsOneDeviceWhoeverRegistersItAndUnregisteringRemovesIt()
    {
        var first = await RegisterAsync("app-alice", new { platform = "APNS", token = ApnsToken.ToUpperInvariant(), apnsEnvironment = "SANDBOX" });
        var again = await RegisterAsync("app-alice", new { platform = "APNS", token = ApnsToken, apnsEnvironment = "SANDBOX", showDetails = true });
        var moved = await RegisterAsync("app-bob", new { platform = "APNS", token = ApnsToken, apnsEnvironment = "PRODUCTION" });

        var id = first.GetProperty("device").GetProperty("id").GetString();
        Assert.Equal(id, again.GetProperty("device").GetProperty("id").GetString());
        Assert.True(again.GetProperty("device").GetProperty("showDetails").GetBoolean());
        Assert.Equal(id, moved.GetProperty("device").GetProperty("id").GetString());
        Assert.Equal("PRODUCTION", moved.GetProperty("device").GetProperty("apnsEnvironment").GetString());
        Assert.Empty(await DevicesAsync("app-alice"));
        Assert.Single(await DevicesAsync("app-bob"));

        var notHers = await _host.Driver.GraphQLAsync("app-alice", Unregister, new { input = new { platform = "APNS", token = ApnsToken } });
        var his = await _host.Driver.GraphQLAsync("app-bob", Unregister, new { input = new { platform = "APNS", token = ApnsToken } });

        Assert.Equal(JsonValueKind.Null, notHers.Data.GetProperty("unregisterPushDevice").GetProperty("removedDeviceId").ValueKind);
        Assert.Equal(id, his.Data.GetProperty("unregisterPushDevice").GetProperty("removedDeviceId").GetString());
        Assert.Empty(await DevicesAsync("app-bob"));
    }

    [Fact]
    public async Task AUserKeepsTheConfiguredNumberOfDevicesTheNewestReplacingTheOldest()
    {
        await RegisterAsync("app-carol", new { platform = "FCM", token = "fcm-token-0000000001:APA91b" });
        await RegisterAsync("app-carol", new { platform = "EXPO", token = "ExponentPushToken[abcdefghijklmnop]" });
        await RegisterAsync("app-carol", new { platform = "APNS", token = ApnsToken, apnsEnvironment = "PRODUCTION" });

        var devices = await DevicesAsync("app-carol");
        Assert.Equal(["EXPO", "APNS"], devices.Select(d => d.GetProperty("platform").GetString()));
    }

    [Theory]
    [InlineData("APNS", "not-hex-at-all-0000000000", "SANDBOX", "token")]
    [InlineData("APNS", "abc", "SANDBOX", "token")]
    [InlineData("APNS", "a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4", null, "apnsEnvironment")]
    [InlineData("FCM", "fcm-token-0000000001:APA91b", "PRODUCTION", "apnsEnvironment")]
    [InlineData("FCM", "fcm token with spaces and /slashes/..", null, "token")]
    [InlineData("EXPO", "ExponentPushToken[]", null, "token")]
    [InlineData("EXPO", "ExponentPushToken[a/../b]", null, "token")]
    public async Task ABadTokenOrEnvironmentIsATypedClientErrorAndStoresNothing(string platform, string token, string? environment, string field)
    {
        var payload = await RegisterAsync("app-dave", new { platform, token, apnsEnvironment = environment });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("device").ValueKind);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Empty(await DevicesAsync("app-dave"));
    }

    [Fact]
    public async Task AnOversizedTokenIsAClientErrorNotAServerError()
    {
        var huge = new string('a', 60_000);

        var register = await _host.Driver.GraphQLAsync("app-erin", Register, new { input = new { platform = "APNS", token = huge, apnsEnvironment = "SANDBOX" } });
        var unregister = await _host.Driver.GraphQLAsync("app-erin", Unregister, new { input = new { platform = "FCM", token = huge } });

        Assert.Equal("BAD_USER_INPUT", register.Data.GetProperty("registerPushDevice").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("PushDeviceInputError", unregister.Data.GetProperty("unregisterPushDevice").GetProperty("errors")[0].GetProperty("__typename").GetString());
    }

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> RegisterAsync(string user, object input)
    {
        var response = await _host.Driver.GraphQLAsync(user, Register, new { input });
        Assert.Empty(response.Errors);
        return response.Data.GetProperty("registerPushDevice");
    }

    private async Task<List<JsonElement>> DevicesAsync(string user)
    {
        var response = await _host.Driver.GraphQLAsync(user, List);
        Assert.Empty(response.Errors);
        return [.. response.Data.GetProperty("pushDevices").EnumerateArray()];
    }
}
