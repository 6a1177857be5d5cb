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
    private readonly AppProcess? _upstream;

    private SandboxServer(BenchContext bench, AppProcess process, SandboxApi sandbox, GraphQLClient app, string sandboxToken, AppProcess? upstream = null)
    {
        _bench = bench;
        _upstream = upstream;
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
            var (app, token) = await LinkAsync(bench, process, process.BaseUri, appUser, sandboxUser);
            return new SandboxServer(bench, process, sandbox, app, token);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The server as deployed, in Alpaca mode, with the sandbox as its upstream in a process of its own (as the soak
    /// runs them), so the server's resident size and CPU are its own and not the simulator's too.
    /// </summary>
    /// <remarks>
    /// <c>sandboxExtra</c> goes to the sandbox's process; <c>extraAgainst</c> gives the server's settings that name the
    /// sandbox's address, once it is known.
    /// </remarks>
    public static async Task<SandboxServer> StartApartAsync(
        BenchContext bench, string name, Dictionary<string, string> extra, string appUser = "bench-alice", string sandboxUser = "alice",
        Dictionary<string, string>? sandboxExtra = null, Func<Uri, Dictionary<string, string>>? extraAgainst = null)
    {
        var serverUri = new Uri($"http://127.0.0.1:{AppProcess.FreeLoopbackPort()}");
        var sandboxSettings = AppSettings.With(bench.Settings.SandboxMode(bench.Paths.Database(name + "-sandbox")), sandboxExtra ?? []);
        sandboxSettings["Sandbox:OAuth:RedirectUris:1"] = AppSettings.Callback(serverUri);
        var upstream = await AppProcess.StartAsync(name + "-sandbox", bench.Paths, AppProcess.FreeLoopbackPort(), sandboxSettings);
        AppProcess? process = null;
        try
        {
            var settings = AppSettings.With(
                AppSettings.With(bench.Settings.AlpacaModeAgainst(bench.Paths.Database(name), upstream.BaseUri, serverUri), extra),
                extraAgainst?.Invoke(upstream.BaseUri) ?? []);
            process = await AppProcess.StartAsync(name, bench.Paths, serverUri.Port, settings);
            var sandbox = new SandboxApi(bench.Http, upstream.BaseUri, bench.Settings.SandboxControlSecret);
            var (app, token) = await LinkAsync(bench, process, upstream.BaseUri, appUser, sandboxUser);
            return new SandboxServer(bench, process, sandbox, app, token, upstream);
        }
        catch
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            await upstream.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Links one more app user to a sandbox user through the connect flow, and gets a sandbox token of that sandbox user
    /// for direct calls, for scenarios with many users.
    /// </summary>
    public Task<(GraphQLClient App, string SandboxToken)> LinkAsync(string appUser, string sandboxUser) =>
        LinkAsync(_bench, Process, _upstream?.BaseUri ?? Process.BaseUri, appUser, sandboxUser);

    /// <summary>
    /// A sandbox token of a sandbox user this server has not linked, for direct calls whose orders the server must not
    /// see: it follows the trade_updates of every account it has linked.
    /// </summary>
    public Task<string> UnlinkedSandboxTokenAsync(string sandboxUser) =>
        SandboxTokenAsync(_bench, _upstream?.BaseUri ?? Process.BaseUri, sandboxUser);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    private static async Task<(GraphQLClient App, string SandboxToken)> LinkAsync(
        BenchContext bench, AppProcess process, Uri sandbox, string appUser, string sandboxUser)
    {
        var app = bench.GraphQL(process.BaseUri, appUser);
        await Connector.ConnectAsync(bench.Http, app, sandboxUser, AppSettings.ReturnTo);
        return (app, await SandboxTokenAsync(bench, sandbox, sandboxUser));
    }

    /// <summary>A token of the sandbox user through the bench's own OAuth client, for calling the sandbox directly.</summary>
    private static Task<string> SandboxTokenAsync(BenchContext bench, Uri sandbox, string sandboxUser) =>
        SandboxOAuth.IssueTokenAsync(
            bench.Http, sandbox, sandboxUser, AppSettings.SandboxClientId, bench.Settings.SandboxClientSecret, AppSettings.BenchRedirectUri);
}
