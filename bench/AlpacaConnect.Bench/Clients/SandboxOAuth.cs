using System.Net;
using System.Text.Json;
using System.Web;

namespace AlpacaConnect.Bench.Clients;

/// <summary>The sandbox's consent form and token endpoint, driven without a browser.</summary>
public static class SandboxOAuth
{
    /// <summary>
    /// Posts the consent form for <paramref name="authorizationUrl"/> with "approve": the form's hidden fields are the
    /// authorize request's own parameters, which the sandbox validates again. Returns where the browser is sent.
    /// </summary>
    public static async Task<Uri> ApproveAsync(HttpClient browser, Uri authorizationUrl, string sandboxUser)
    {
        var query = HttpUtility.ParseQueryString(authorizationUrl.Query);
        var form = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => query[k] ?? "");
        form["user"] = sandboxUser;
        form["decision"] = "approve";
        using var content = new FormUrlEncodedContent(form);
        using var decided = await browser.PostAsync(authorizationUrl.GetLeftPart(UriPartial.Path), content);
        if (decided.StatusCode != HttpStatusCode.Redirect || decided.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"The consent form answered {(int)decided.StatusCode}: " + await decided.Content.ReadAsStringAsync());
        }

        return location;
    }

    /// <summary>A sandbox access token for <paramref name="sandboxUser"/>'s paper account, for calling the sandbox directly.</summary>
    public static async Task<string> IssueTokenAsync(HttpClient http, Uri sandboxHost, string sandboxUser, string clientId, string clientSecret, string redirectUri)
    {
        var authorize = new UriBuilder(new Uri(sandboxHost, "/sandbox/oauth/authorize"))
        {
            Query = $"response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
                $"&state=bench&scope={Uri.EscapeDataString("account:write trading data")}&env=paper",
        }.Uri;
        var code = HttpUtility.ParseQueryString((await ApproveAsync(http, authorize, sandboxUser)).Query)["code"]
            ?? throw new InvalidOperationException("The sandbox issued no code.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = clientId,
            ["client_secret"] = clientSecret, ["redirect_uri"] = redirectUri,
        });
        using var response = await http.PostAsync(new Uri(sandboxHost, "/sandbox/oauth/token"), form);
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
