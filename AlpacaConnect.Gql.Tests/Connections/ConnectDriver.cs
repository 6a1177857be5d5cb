using System.Net;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Tests.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.AspNetCore.WebUtilities;

namespace AlpacaConnect.Gql.Tests.Connections;

/// <summary>
/// Drives the connect flow the way the app and the user's browser do, over real HTTP on loopback:
/// connectAlpaca → the sandbox's consent page → the callback → completeAlpacaConnection.
/// </summary>
public sealed partial class ConnectDriver(ApiFactory app, Func<Uri> appBaseUri) : IDisposable
{
    /// <summary>The user's browser: follows no redirect by itself, so each hop can be checked.</summary>
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });

    public ConnectDriver(SandboxHost host)
        : this(host, () => host.BaseUri)
    {
    }

    public const string ReturnTo = "https://app.test/alpaca/done";

    /// <summary>Every GraphQL answer seen, so tests can check that no secret ever appeared in one.</summary>
    public List<string> Responses { get; } = [];

    public HttpClient AppClient(string user)
    {
        var client = new HttpClient { BaseAddress = appBaseUri() };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.TokenFor(user));
        return client;
    }

    public async Task<GraphQLResponse> GraphQLAsync(string user, string query, object? variables = null)
    {
        using var client = AppClient(user);
        var response = await client.PostGraphQLAsync(query, variables);
        Responses.Add(response.Raw);
        return response;
    }

    public async Task<Uri> StartAsync(string user, string environment = "PAPER", string returnTo = ReturnTo)
    {
        var response = await GraphQLAsync(user,
            "mutation($input: ConnectAlpacaInput!) { connectAlpaca(input: $input) { authorizationUrl expiresAt errors { ... on Error { code } } } }",
            new { input = new { environment, returnTo } });
        Assert.True(response.ErrorCodes.Count == 0, response.Raw);
        var payload = response.Data.GetProperty("connectAlpaca");
        Assert.Equal(0, payload.GetProperty("errors").GetArrayLength());
        var url = payload.GetProperty("authorizationUrl").GetString()!;
        Assert.DoesNotContain(' ', url); // an escaped, absolute URL a phone can open as is
        return new Uri(url);
    }

    /// <summary>Opens the consent page and submits its form; returns where the browser is sent (the callback).</summary>
    public async Task<Uri> DecideAsync(Uri authorizationUrl, string sandboxUser = "alice", string decision = "approve")
    {
        var page = await _browser.GetStringAsync(authorizationUrl);
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["user"] = sandboxUser;
        fields["decision"] = decision;
        using var response = await _browser.PostAsync(authorizationUrl.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Follows the redirect to our callback; returns the status and where it sends the browser.</summary>
    public async Task<(HttpStatusCode Status, Uri? Location, string Body)> CallbackAsync(Uri callback)
    {
        using var response = await _browser.GetAsync(callback);
        return (response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _browser.Dispose();

    public static string QueryValue(Uri uri, string name) =>
        QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : "";

    public async Task<GraphQLResponse> CompleteAsync(string user, string completionCode) =>
        await GraphQLAsync(user,
            "mutation($input: CompleteAlpacaConnectionInput!) { completeAlpacaConnection(input: $input) { connection { id status environment accountNumber scopes } errors { ... on Error { code message } } } }",
            new { input = new { completionCode } });

    /// <summary>The whole happy path; returns the completion payload.</summary>
    public async Task<GraphQLResponse> ConnectAsync(string user, string sandboxUser = "alice", string environment = "PAPER")
    {
        var callback = await DecideAsync(await StartAsync(user, environment), sandboxUser);
        var (status, location, _) = await CallbackAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var code = QueryValue(location!, "completionCode");
        Assert.False(string.IsNullOrEmpty(code), location!.ToString());
        return await CompleteAsync(user, code);
    }

    public async Task<System.Text.Json.JsonElement> ConnectionAsync(string user) =>
        (await GraphQLAsync(user, "{ alpacaConnection { id status environment accountNumber accountStatus scopes connectedAt signUpUrl } }"))
            .Data.GetProperty("alpacaConnection");

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
