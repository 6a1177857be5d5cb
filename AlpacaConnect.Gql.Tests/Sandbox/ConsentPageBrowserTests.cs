using System.Text.Encodings.Web;
using AlpacaConnect.Sandbox;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Sandbox;

/// <summary>The consent page in a real browser (Debian's Chromium via playwright-core). Screenshots land in
/// <c>test-output/screenshots/</c>.</summary>
public sealed class ConsentPageBrowserTests : IDisposable
{
    private readonly SandboxHost _host = new();

    public ConsentPageBrowserTests() =>
        _host.WithServices(s => s.AddSingleton<IStartupFilter, CallbackPage>());

    [Fact]
    public async Task ApprovingTheConsentPageRedirectsWithCodeAndState()
    {
        _host.OAuthClient.RegisterRedirectUri(_host.RedirectUri);
        var authorize = new Uri(_host.BaseUri, $"{SandboxPaths.Authorize}?response_type=code&client_id={_host.OAuthClient.ClientId}" +
            $"&redirect_uri={Uri.EscapeDataString(_host.RedirectUri)}&state=browser-state-42&scope=account%3Awrite%20trading%20data&env=paper");
        var screenshots = RepositoryRoot.Combine("test-output", "screenshots");
        Directory.CreateDirectory(screenshots);

        var run = await NodeScript.RunAsync("sandbox-consent.js", [authorize.ToString(), _host.RedirectUri, screenshots], TimeSpan.FromSeconds(90));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("APP RichesReach (sandbox)", lines);
        Assert.Contains("ENV paper", lines);
        var landed = new Uri(lines.Single(l => l.StartsWith("LANDED ", StringComparison.Ordinal))["LANDED ".Length..]);
        Assert.Equal(new Uri(_host.RedirectUri).AbsolutePath, landed.AbsolutePath);
        Assert.Equal("browser-state-42", landed.Query("state"));
        Assert.True(Guid.TryParse(landed.Query("code"), out _));
        using var exchange = await _host.ExchangeAsync(landed.Query("code"));
        Assert.Equal("account:write trading data", (await exchange.JsonAsync()).Str("scope"));
        Assert.True(File.Exists(Path.Combine(screenshots, "sandbox-consent.png")));
        Assert.True(File.Exists(Path.Combine(screenshots, "sandbox-callback.png")));
    }

    public void Dispose() => _host.Dispose();

    /// <summary>A tiny page at the test redirect URI, standing in for the app's OAuth callback.</summary>
    private sealed class CallbackPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-callback", callback => callback.Run(context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                var query = HtmlEncoder.Default.Encode(context.Request.QueryString.ToString());
                return context.Response.WriteAsync($"<!doctype html><h1>Callback reached</h1><p id=\"query\">{query}</p>");
            }));
            next(app);
        };
    }
}
