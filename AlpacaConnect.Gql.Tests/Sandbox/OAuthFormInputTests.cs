using System.Net;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>The simulator's OAuth forms answer malformed fields (NUL and other control characters) with 400, like any bad form.</summary>
public sealed class OAuthFormInputTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    public static TheoryData<string, string> Fields => new()
    {
        { "state", "st\u0000" }, { "state", "\u0001\u0002" }, { "scope", "trading\u0000" }, { "user", "alice\u0000" },
        { "env", "paper\u0000" }, { "redirect_uri", "\u0000" }, { "client_id", "\u0000" }, { "decision", "approve\u0000" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task TheConsentFormAnswersBadFieldsWithoutAServerError(string name, string value)
    {
        host.OAuthClient.RegisterRedirectUri(host.RedirectUri);
        var fields = new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = host.OAuthClient.ClientId, ["redirect_uri"] = host.RedirectUri, ["state"] = "st-1",
            ["scope"] = "trading", ["env"] = "paper", ["user"] = "alice", ["decision"] = "approve",
        };
        fields[name] = value;
        using var client = host.Http();

        using var response = await client.PostAsync("/sandbox/oauth/authorize", new FormUrlEncodedContent(fields));

        Assert.True((int)response.StatusCode is >= 300 and < 500, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task TheAuthorizePageAndTheTokenEndpointAnswerBadFieldsWithoutAServerError(string name, string value)
    {
        using var client = host.Http();

        using var page = await client.GetAsync($"/sandbox/oauth/authorize?response_type=code&client_id={host.OAuthClient.ClientId}&{name}={Uri.EscapeDataString(value)}");
        using var token = await client.PostAsync("/sandbox/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = host.OAuthClient.ClientId, ["client_secret"] = host.OAuthClient.ClientSecret, [name] = value,
        }));

        Assert.True((int)page.StatusCode < 500, page.ToString());
        Assert.True((int)token.StatusCode < 500, token.ToString());
    }
}
