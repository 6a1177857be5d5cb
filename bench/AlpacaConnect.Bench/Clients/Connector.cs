using System.Net;
using System.Web;

namespace AlpacaConnect.Bench.Clients;

/// <summary>
/// Links an app user to a sandbox user the way the app and the user's browser do: <c>connectAlpaca</c> → the consent
/// form posted with "approve" → the server's callback → <c>completeAlpacaConnection</c> with the completion code.
/// </summary>
public static class Connector
{
    private const string Start =
        "mutation($input: ConnectAlpacaInput!) { connectAlpaca(input: $input) { authorizationUrl errors { ... on Error { code } } } }";

    private const string Complete =
        "mutation($input: CompleteAlpacaConnectionInput!) { completeAlpacaConnection(input: $input) { connection { status } errors { ... on Error { code } } } }";

    private const string Disconnect = "mutation { disconnectAlpaca { connection { status } errors { ... on Error { code } } } }";

    /// <summary>Everything up to the completion code, which the app then redeems with <see cref="CompleteAsync"/>.</summary>
    public static async Task<string> ApproveAsync(HttpClient browser, GraphQLClient app, string sandboxUser, string returnTo)
    {
        var started = await app.RequireAsync(Start, new { input = new { environment = "PAPER", returnTo } });
        var url = started.GetProperty("connectAlpaca").GetProperty("authorizationUrl").GetString()
            ?? throw new InvalidOperationException("connectAlpaca returned no authorizationUrl: " + started);
        var callback = await SandboxOAuth.ApproveAsync(browser, new Uri(url), sandboxUser);
        using var landed = await browser.GetAsync(callback);
        if (landed.StatusCode != HttpStatusCode.Redirect || landed.Headers.Location is not { } back)
        {
            throw new InvalidOperationException($"The callback answered {(int)landed.StatusCode}: " + await landed.Content.ReadAsStringAsync());
        }

        return HttpUtility.ParseQueryString(back.Query)["completionCode"]
            ?? throw new InvalidOperationException("The callback sent no completion code: " + back);
    }

    public static async Task CompleteAsync(GraphQLClient app, string completionCode)
    {
        var completed = await app.RequireAsync(Complete, new { input = new { completionCode } });
        var status = completed.GetProperty("completeAlpacaConnection").GetProperty("connection");
        if (status.ValueKind != System.Text.Json.JsonValueKind.Object || status.GetProperty("status").GetString() != "CONNECTED")
        {
            throw new InvalidOperationException("completeAlpacaConnection did not connect: " + completed);
        }
    }

    public static async Task ConnectAsync(HttpClient browser, GraphQLClient app, string sandboxUser, string returnTo) =>
        await CompleteAsync(app, await ApproveAsync(browser, app, sandboxUser, returnTo));

    public static Task DisconnectAsync(GraphQLClient app) => app.RequireAsync(Disconnect);
}
