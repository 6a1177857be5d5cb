using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlpacaConnect.Gql.Tests.Notifications.Push;
using AlpacaConnect.Sandbox.Push;

namespace AlpacaConnect.Gql.Tests.Sandbox.Conformance;

/// <summary>
/// The fake push providers answer as the facts file says the real ones do (push-and-webhooks-facts.md §1–3); each
/// test names the fact it pins. Raw HTTP, no sender in between.
/// </summary>
public sealed class PushFakeConformanceTests(PushHost host) : IClassFixture<PushHost>
{
    private static readonly string ApnsHttp2 = "/3/device/";

    [Fact]
    public async Task Apns_1_2_SuccessIs200WithAnEmptyBodyAndTheApnsIdEchoed()
    {
        var id = Guid.NewGuid().ToString();
        using var response = await ApnsAsync(PushHost.ApnsToken(), Jwt(host.Time.GetUtcNow()), request => request.Headers.Add("apns-id", id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(id, response.Headers.GetValues("apns-id").Single());
    }

    [Theory]
    [InlineData("missing", 403, "MissingProviderToken")]
    [InlineData("der", 403, "InvalidProviderToken")]
    [InlineData("old", 403, "ExpiredProviderToken")]
    public async Task Apns_1_3_TheProviderTokenIsAnEs256P1363JwtYoungerThanAnHour(string variant, int status, string reason)
    {
        var jwt = variant switch
        {
            "der" => Jwt(host.Time.GetUtcNow(), DSASignatureFormat.Rfc3279DerSequence),
            "old" => Jwt(host.Time.GetUtcNow() - TimeSpan.FromMinutes(61)),
            _ => null,
        };

        using var response = await ApnsAsync(PushHost.ApnsToken(), jwt);

        Assert.Equal((status, reason), ((int)response.StatusCode, await ReasonAsync(response)));
    }

    [Theory]
    [InlineData("apns-collapse-id", "65", 400, "BadCollapseId")]
    [InlineData("apns-id", "UPPER", 400, "BadMessageId")]
    [InlineData("apns-priority", "7", 400, "BadPriority")]
    [InlineData("apns-push-type", "banner", 400, "InvalidPushType")]
    [InlineData("apns-topic", "", 400, "MissingTopic")]
    public async Task Apns_1_2_HeadersAreCheckedWithApplesReasons(string header, string value, int status, string reason)
    {
        var sent = value switch { "65" => new string('c', 65), "UPPER" => Guid.NewGuid().ToString().ToUpperInvariant(), _ => value };

        using var response = await ApnsAsync(PushHost.ApnsToken(), Jwt(host.Time.GetUtcNow()), request =>
        {
            request.Headers.Remove(header);
            if (sent.Length > 0)
            {
                request.Headers.TryAddWithoutValidation(header, sent);
            }
        });

        Assert.Equal((status, reason), ((int)response.StatusCode, await ReasonAsync(response)));
    }

    [Fact]
    public async Task Apns_1_2_ABodyOver4096BytesIs413PayloadTooLarge()
    {
        var body = JsonSerializer.Serialize(new { aps = new { alert = new { title = "t", body = new string('x', 4100) } } });

        using var response = await ApnsAsync(PushHost.ApnsToken(), Jwt(host.Time.GetUtcNow()), body: body);

        Assert.Equal((413, "PayloadTooLarge"), ((int)response.StatusCode, await ReasonAsync(response)));
    }

    [Fact]
    public async Task Apns_1_5_A410CarriesTheReasonAndATimestampInMilliseconds()
    {
        var token = PushHost.ApnsToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, token, FakeApns.Provider));

        using var response = await ApnsAsync(token, Jwt(host.Time.GetUtcNow()));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("Unregistered", json["reason"]!.GetValue<string>());
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeMilliseconds(), json["timestamp"]!.GetValue<long>());
    }

    [Fact]
    public async Task Fcm_2_1_TheTokenEndpointTakesOnlyAFormEncodedJwtBearerGrant()
    {
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        using var json = await client.PostAsync("/sandbox/push/google/token", new StringContent("{\"grant_type\":\"urn:ietf:params:oauth:grant-type:jwt-bearer\"}", Encoding.UTF8, "application/json"));
        using var password = await client.PostAsync("/sandbox/push/google/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("unsupported_grant_type", JsonNode.Parse(await password.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fcm_2_3_WithoutAnAccessTokenIsGoogles401Unauthenticated()
    {
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await client.PostAsync("/sandbox/push/fcm/v1/projects/p/messages:send", new StringContent("{\"message\":{\"token\":\"t\"}}", Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal((401, 401, "UNAUTHENTICATED"), ((int)response.StatusCode, error["code"]!.GetValue<int>(), error["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Expo_3_1_MoreThan100MessagesIsPushTooManyNotifications()
    {
        var messages = new JsonArray([.. Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["to"] = PushHost.ExpoToken() })]);

        var (status, json) = await ExpoAsync("send", messages);

        Assert.Equal((400, "PUSH_TOO_MANY_NOTIFICATIONS"), (status, json["errors"]![0]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Expo_3_2_TicketsComeInMessageOrder()
    {
        var dead = PushHost.ExpoToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.DeadToken, dead, FakeExpo.Provider));
        var messages = new JsonArray(new JsonObject { ["to"] = PushHost.ExpoToken() }, new JsonObject { ["to"] = dead }, new JsonObject { ["to"] = PushHost.ExpoToken() });

        var (status, json) = await ExpoAsync("send", messages);
        var tickets = json["data"]!.AsArray().Select(t => t!["status"]!.GetValue<string>());

        Assert.Equal(200, status);
        Assert.Equal(["ok", "error", "ok"], tickets);
        Assert.Equal("DeviceNotRegistered", json["data"]![1]!["details"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expo_3_3_AnIdWithoutAReceiptIsLeftOutAndOver1000IdsIsRefused()
    {
        var (_, sent) = await ExpoAsync("send", new JsonObject { ["to"] = PushHost.ExpoToken() });
        var id = sent["data"]![0]!["id"]!.GetValue<string>();

        var (_, receipts) = await ExpoAsync("getReceipts", new JsonObject { ["ids"] = new JsonArray(id, Guid.NewGuid().ToString()) });
        var (tooMany, error) = await ExpoAsync("getReceipts", new JsonObject { ["ids"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)i.ToString(System.Globalization.CultureInfo.InvariantCulture))]) });

        Assert.Equal([id], receipts["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal((400, "PUSH_TOO_MANY_RECEIPTS"), (tooMany, error["errors"]![0]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AFaultForNCallsFailsThoseThenDeliversAndAZeroPercentFaultNeverFires()
    {
        var token = PushHost.ExpoToken();
        var other = PushHost.ExpoToken();
        await host.FaultAsync(new PushFaultRule(PushFaultKind.ServerError, token, FakeExpo.Provider, Times: 2));
        await host.FaultAsync(new PushFaultRule(PushFaultKind.ServerError, other, FakeExpo.Provider, Percent: 0));

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ExpoAsync("send", new JsonObject { ["to"] = token })).Status);
        }

        Assert.Equal([500, 500, 200], statuses);
        Assert.Equal(200, (await ExpoAsync("send", new JsonObject { ["to"] = other })).Status);
    }

    [Fact]
    public async Task TheDevicePageShowsWhatEachDeviceShowsEscaped()
    {
        var token = PushHost.ExpoToken();
        await ExpoAsync("send", new JsonObject { ["to"] = token, ["title"] = "<b>Filled</b>", ["body"] = "1 AAPL", ["collapseId"] = "order-1" });
        await ExpoAsync("send", new JsonObject { ["to"] = token, ["title"] = "Filled again", ["body"] = "2 AAPL", ["collapseId"] = "order-1" });
        using var client = new HttpClient { BaseAddress = host.BaseUri };

        var html = await client.GetStringAsync("/sandbox/push/devices");

        Assert.Contains("Filled again", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;b&gt;Filled&lt;/b&gt;", html, StringComparison.Ordinal); // replaced by the same collapse id
        Assert.Single(host.Fakes.DeviceView(FakeExpo.Provider, token));
        Assert.Equal(2, host.Fakes.Deliveries(FakeExpo.Provider, token).Count);
    }

    private async Task<HttpResponseMessage> ApnsAsync(string token, string? jwt, Action<HttpRequestMessage>? configure = null, string? body = null)
    {
        var h2 = host.Service<Microsoft.Extensions.Options.IOptions<Gql.Notifications.Push.ApnsOptions>>().Value.SandboxBaseAddress;
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, h2.AbsoluteUri.TrimEnd('/') + ApnsHttp2 + token)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent(body ?? "{\"aps\":{\"alert\":{\"title\":\"t\",\"body\":\"b\"}}}", Encoding.UTF8, "application/json"),
        };
        if (jwt is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "bearer " + jwt);
        }

        request.Headers.Add("apns-topic", PushHost.Topic);
        request.Headers.Add("apns-push-type", "alert");
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private string Jwt(DateTimeOffset issuedAt, DSASignatureFormat format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(host.ApnsPrivateKey);
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "ES256", kid = PushHost.KeyId }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iss = PushHost.TeamId, iat = issuedAt.ToUnixTimeSeconds() }));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, format);
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private async Task<(int Status, JsonNode Json)> ExpoAsync(string operation, JsonNode body)
    {
        using var client = new HttpClient { BaseAddress = host.BaseUri };
        using var response = await client.PostAsync($"/sandbox/push/expo/--/api/v2/push/{operation}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task<string?> ReasonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["reason"]?.GetValue<string>();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
