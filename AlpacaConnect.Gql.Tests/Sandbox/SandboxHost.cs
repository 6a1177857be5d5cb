using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Sandbox.Control;
using AlpacaConnect.Sandbox.OAuth;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>
/// The whole server on a loopback port, talking to its embedded sandbox over real HTTP and WebSocket.
/// The fill delay is long by default, so nothing fills until a test calls <c>Control.ProcessNow()</c>.
/// </summary>
public class SandboxHost : ApiFactory
{
    private Uri? _baseUri;

    public SandboxHost()
    {
        WithSetting("Sandbox:Market:FillDelay", "00:10:00");
    }

    public Uri BaseUri => _baseUri ??= StartOnLoopback();

    public SandboxControl Control => Started.GetRequiredService<SandboxControl>();

    public SandboxOAuthClientRegistry OAuthClient => Started.GetRequiredService<SandboxOAuthClientRegistry>();

    /// <summary>A registered redirect URI on this host (any path answers; the browser test serves a page there).</summary>
    public string RedirectUri => new Uri(BaseUri, "/test-callback").ToString();

    private IServiceProvider Started
    {
        get
        {
            _ = BaseUri;
            return Services;
        }
    }

    /// <summary>
    /// Makes <paramref name="server"/> call this sandbox as if it were Alpaca (Alpaca mode, this sandbox's OAuth client,
    /// every Alpaca URL here; the trade_updates sockets follow the trading hosts), with <paramref name="callback"/>
    /// registered as its redirect URI.
    /// </summary>
    public ApiFactory AsUpstreamOf(ApiFactory server, string callback)
    {
        Uri At(string path) => new(BaseUri, path);
        OAuthClient.RegisterRedirectUri(callback);
        return server
            .WithSetting("Alpaca:Mode", "Alpaca")
            .WithSetting("Alpaca:ClientId", OAuthClient.ClientId)
            .WithSetting("Alpaca:ClientSecret", OAuthClient.ClientSecret)
            .WithSetting("Alpaca:RedirectUri", callback)
            .WithSetting("Alpaca:AuthorizeUrl", At("/sandbox/oauth/authorize").ToString())
            .WithSetting("Alpaca:TokenUrl", At("/sandbox/oauth/token").ToString())
            .WithSetting("Alpaca:TradingPaperBaseUrl", At("/sandbox/paper").ToString())
            .WithSetting("Alpaca:TradingLiveBaseUrl", At("/sandbox/live").ToString())
            .WithSetting("Alpaca:DataBaseUrl", At("/sandbox/data").ToString());
    }

    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUri };

    /// <summary>A client of one environment's Trading API host, as the server would call it.</summary>
    public HttpClient Trading(SandboxEnvironment environment, string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUri, SandboxPaths.Trading(environment) + "/") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public string Token(SandboxEnvironment? environment = SandboxEnvironment.Paper, string user = "alice", string scope = "account:write trading data") =>
        Control.IssueToken(user, environment, scope).AccessToken;

    public Task<TradeUpdatesClient> StreamAsync(SandboxEnvironment environment) =>
        TradeUpdatesClient.ConnectAsync(new Uri(BaseUri.ToString().Replace("http", "ws", StringComparison.Ordinal).TrimEnd('/') + SandboxPaths.Stream(environment)));

    /// <summary>Approves the consent form as the browser would; returns the redirect's Location.</summary>
    public async Task<Uri> ApproveAsync(string user = "alice", string env = "paper", string scope = "trading data", string state = "st-1", string decision = "approve")
    {
        OAuthClient.RegisterRedirectUri(RedirectUri);
        using var client = Http();
        using var response = await client.PostAsync(SandboxPaths.Authorize, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = OAuthClient.ClientId, ["redirect_uri"] = RedirectUri, ["state"] = state,
            ["scope"] = scope, ["env"] = env, ["user"] = user, ["decision"] = decision,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public async Task<HttpResponseMessage> ExchangeAsync(string code, string? redirectUri = null, string? secret = null)
    {
        using var client = Http();
        return await client.PostAsync(SandboxPaths.Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = OAuthClient.ClientId,
            ["client_secret"] = secret ?? OAuthClient.ClientSecret, ["redirect_uri"] = redirectUri ?? RedirectUri,
        }));
    }
}

/// <summary>JSON helpers for Alpaca responses.</summary>
public static class AlpacaHttp
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, string json) =>
        client.PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static decimal Dec(this JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.Equal(JsonValueKind.String, value.ValueKind); // Alpaca sends decimals as strings
        return decimal.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asserts Alpaca's error body and returns it.</summary>
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, int status, int? code, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.JsonAsync();
        if (code is null)
        {
            Assert.False(body.TryGetProperty("code", out _));
        }
        else
        {
            Assert.Equal(code, body.GetProperty("code").GetInt32());
        }

        Assert.Equal(message, body.Str("message"));
        return body;
    }

    public static string Query(this Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : "";
}
