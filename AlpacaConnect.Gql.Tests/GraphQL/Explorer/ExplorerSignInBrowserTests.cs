using System.Text.Json;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Explorer;

/// <summary>
/// In Development the explorer is signed in as the dev user, for HTTP and for its WebSocket: in headless
/// Chromium it reads <c>me</c>, subscribes to <c>alpacaConnectionChanged</c>, and shows the event when that
/// same user links an account. The token is in no log. Screenshots go to <c>test-output/screenshots/</c>.
/// </summary>
public sealed partial class ExplorerSignInBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task TheExplorerRunsQueriesAndSubscriptionsAsTheDevUser()
    {
        var port = ApiFactory.FreeLoopbackPort();
        var returnTo = $"http://127.0.0.1:{port}/dev/alpaca/connected";
        _factory.WithSetting("Connections:AllowedReturnTo:0", returnTo)
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithSetting("Logging:LogLevel:Polly", "Trace")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(_logs));
        var server = _factory.StartOnLoopback(port);
        // A fresh clone has no test-output yet; old screenshots must not pass for new ones.
        var screenshots = Directory.CreateDirectory(RepositoryRoot.Combine("test-output", "screenshots")).FullName;
        var shots = new[] { "explorer-signed-in-query.png", "explorer-signed-in-consent.png", "explorer-signed-in-subscription.png" };
        Array.ForEach(shots, shot => File.Delete(Path.Combine(screenshots, shot)));

        var outcome = await NodeScript.RunAsync("explorer-signed-in.mjs", [server.ToString(), screenshots, returnTo]);

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = JsonDocument.Parse(outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;

        var viewer = result.GetProperty("viewer");
        Assert.True(viewer.GetProperty("bearer").GetBoolean());
        Assert.Equal("""{"data":{"me":{"id":"dev-user","name":"dev-user"}}}""", viewer.GetProperty("body").GetString());

        // The code reached completeAlpacaConnection through the dev return page's Copy button and the clipboard.
        var copy = result.GetProperty("copy");
        Assert.Equal("Copied", copy.GetProperty("button").GetString());
        Assert.True(copy.GetProperty("sameAsShown").GetBoolean(), copy.ToString());

        var init = Assert.Single(result.GetProperty("init").EnumerateArray());
        Assert.True(init.GetProperty("bearer").GetBoolean(), init.ToString());
        var received = result.GetProperty("frames").GetProperty("received").EnumerateArray()
            .Select(f => JsonDocument.Parse(f.GetString()!).RootElement).ToList();
        var change = Assert.Single(received, m => m.GetProperty("type").GetString() == "next");
        Assert.Equal(
            """{"alpacaConnectionChanged":{"status":"CONNECTED","environment":"PAPER","accountNumber":"PA3ALICE0001"}}""",
            change.GetProperty("payload").GetProperty("data").GetRawText());
        Assert.DoesNotContain(received, m => m.GetProperty("type").GetString() == "error");

        Assert.NotEmpty(_logs.Text);
        Assert.DoesNotMatch(Jwt(), _logs.Text);
        Assert.DoesNotMatch(Jwt(), outcome.StdOut + outcome.StdErr);
        foreach (var shot in shots)
        {
            Assert.True(File.Exists(Path.Combine(screenshots, shot)), shot);
        }
    }

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex(@"eyJ[\w-]*\.[\w-]+\.[\w-]*")]
    private static partial Regex Jwt();
}
