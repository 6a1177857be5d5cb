using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Hosting;

namespace AlpacaConnect.Bench.Scenarios;

/// <summary>
/// The server in Sandbox mode (the embedded sandbox is its upstream, under <c>/sandbox</c> of the same process) with
/// one app user linked to a seeded sandbox user, and a sandbox token of that sandbox user for direct calls.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly BenchContext _bench;

    private SandboxServer(BenchContext bench, AppProcess process, SandboxApi sandbox, GraphQLClient app, string sandboxToken)
    {
        _bench = bench;
        Process = process;
        Sandbox = sandbox;
        App = app;
        SandboxToken = sandboxToken;
    }

    public AppProcess Process { get; }

    public SandboxApi Sandbox { get; }

    /// <summary>GraphQL as the linked app user.</summary>
    public GraphQLClient App { get; }

    /// <summary>A token of the same sandbox user, for calling the sandbox's Trading API directly.</summary>
    public string SandboxToken { get; }

    public static async Task<SandboxServer> StartAsync(
        BenchContext bench, string name, Dictionary<string, string> extra, string appUser = "bench-alice", string sandboxUser = "alice")
    {
        var settings = AppSettings.With(bench.Settings.SandboxMode(bench.Paths.Database(name)), extra);
        var process = await AppProcess.StartAsync(name, bench.Paths, AppProcess.FreeLoopbackPort(), settings);
        try
        {
            var sandbox = new SandboxApi(bench.Http, process.BaseUri, bench.Settings.SandboxControlSecret);
            var (app, token) = await LinkAsync(bench, process, appUser, sandboxUser);
            return new SandboxServer(bench, process, sandbox, app, token);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Links one more app user to a sandbox user through the connect flow, and gets a sandbox token of that sandbox user
    /// for direct calls, for scenarios with many users.
    /// </summary>
    public Task<(GraphQLClient App, string SandboxToken)> LinkAsync(string appUser, string sandboxUser) =>
        LinkAsync(_bench, Process, appUser, sandboxUser);

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static async Task<(GraphQLClient App, string SandboxToken)> LinkAsync(
        BenchContext bench, AppProcess process, string appUser, string sandboxUser)
    {
        var app = bench.GraphQL(process.BaseUri, appUser);
        await Connector.ConnectAsync(bench.Http, app, sandboxUser, AppSettings.ReturnTo);
        var token = await SandboxOAuth.IssueTokenAsync(
            bench.Http, process.BaseUri, sandboxUser, AppSettings.SandboxClientId, bench.Settings.SandboxClientSecret, AppSettings.BenchRedirectUri);
        return (app, token);
    }
}
