using System.Text.Json;
using AlpacaConnect.Gql.Tests.TestHost;
using Xunit.Abstractions;

namespace AlpacaConnect.Gql.Tests.GraphQL.Explorer;

/// <summary>
/// Banana Cake Pop in headless Chromium (playwright-core from Node) against the server on loopback: it runs
/// a query over HTTP and a subscription over graphql-transport-ws, offline. Screenshots are written to
/// <c>test-output/screenshots/</c>.
/// </summary>
public sealed class ExplorerBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly ApiFactory _factory = new ProbeApiFactory();

    [Fact]
    public async Task TheExplorerRunsAQueryAndASubscriptionWithoutLeavingLoopback()
    {
        var server = _factory.StartOnLoopback();
        var screenshots = RepositoryRoot.Combine("test-output", "screenshots");

        var outcome = await NodeScript.RunAsync("explorer-browser.mjs", [server.ToString(), screenshots]);

        output.WriteLine(outcome.ToString());
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = JsonDocument.Parse(outcome.StdOut.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;

        Assert.Equal(new Uri(server, "/graphql/ui/").ToString(), result.GetProperty("landedOn").GetString());
        var offLoopback = result.GetProperty("requests").EnumerateArray()
            .Select(r => new Uri(r.GetString()!))
            .Where(uri => uri.Scheme is "http" or "https" or "ws" or "wss" && !uri.IsLoopback)
            .ToList();
        Assert.Empty(offLoopback);
        Assert.Contains(result.GetProperty("sockets").EnumerateArray(), s => new Uri(s.GetString()!).IsLoopback);

        var query = result.GetProperty("queryResponse");
        Assert.Equal(200, query.GetProperty("status").GetInt32());
        Assert.Equal("""{"data":{"__typename":"Query"}}""", query.GetProperty("body").GetString());

        var sent = Messages(result.GetProperty("frames").GetProperty("sent"));
        var received = Messages(result.GetProperty("frames").GetProperty("received"));
        Assert.Contains(sent, m => m.GetProperty("type").GetString() == "connection_init");
        var subscribe = Assert.Single(sent, m => m.GetProperty("type").GetString() == "subscribe"
            && m.GetProperty("payload").GetProperty("query").GetString()!.Contains("ExplorerTicks", StringComparison.Ordinal));
        var id = subscribe.GetProperty("id").GetString();
        Assert.Contains(received, m => m.GetProperty("type").GetString() == "connection_ack");
        var ticks = received
            .Where(m => m.GetProperty("type").GetString() == "next" && m.GetProperty("id").GetString() == id)
            .Select(m => m.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetInt32());
        Assert.Equal([1, 2, 3], ticks);
        Assert.Contains(received, m => m.GetProperty("type").GetString() == "complete" && m.GetProperty("id").GetString() == id);
        Assert.True(File.Exists(Path.Combine(screenshots, "explorer-subscription.png")));
    }

    private static List<JsonElement> Messages(JsonElement frames) =>
        frames.EnumerateArray().Select(f => JsonDocument.Parse(f.GetString()!).RootElement).ToList();

    public void Dispose() => _factory.Dispose();
}
