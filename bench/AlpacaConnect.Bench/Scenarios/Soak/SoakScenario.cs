using System.Collections.Concurrent;
using System.Diagnostics;
using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Hosting;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>
/// Chaos soak: many <c>placeOrder</c> calls (unique keys, market buys in an always-open sandbox market, so every
/// order should fill) while the sandbox injects faults into about a fifth of all requests, drops the trade_updates
/// streams every few seconds, and the server is killed (SIGKILL) and started again halfway. The sandbox runs as its
/// own process so it outlives the server; the server runs in Alpaca mode against it and keeps its SQLite file across
/// the restart. Afterwards the sandbox's orders, the server's orders and what subscribers received are compared.
/// </summary>
public static class SoakScenario
{
    private const string AppUser = "bench-bob";
    private const string SandboxUser = "bob";

    public static async Task<SoakFigures> RunAsync(BenchContext bench)
    {
        var options = bench.Options;
        var sandboxPort = AppProcess.FreeLoopbackPort();
        var serverPort = AppProcess.FreeLoopbackPort();
        var serverUri = new Uri($"http://127.0.0.1:{serverPort}");
        var sandboxSettings = AppSettings.With(bench.Settings.SandboxMode(bench.Paths.Database("soak-sandbox")), AppSettings.Unthrottled());
        sandboxSettings["Sandbox:OAuth:RedirectUris:1"] = AppSettings.Callback(serverUri);
        await using var sandboxHost = await AppProcess.StartAsync("soak-sandbox", bench.Paths, sandboxPort, sandboxSettings);
        var serverSettings = AppSettings.With(
            bench.Settings.AlpacaModeAgainst(bench.Paths.Database("soak-server"), sandboxHost.BaseUri, serverUri),
            new() { ["Alpaca:RateLimit:PermitLimit"] = "100000" });
        await using var server = await AppProcess.StartAsync("soak-server", bench.Paths, serverPort, serverSettings);

        var app = bench.GraphQL(server.BaseUri, AppUser);
        await Connector.ConnectAsync(bench.Http, app, SandboxUser, AppSettings.ReturnTo);
        var sandbox = new SandboxApi(bench.Http, sandboxHost.BaseUri);
        var checkerToken = await SandboxOAuth.IssueTokenAsync(
            bench.Http, sandboxHost.BaseUri, SandboxUser, AppSettings.SandboxClientId, bench.Settings.SandboxClientSecret, AppSettings.BenchRedirectUri);

        var hasOrderUpdated = await FanOutScenario.HasOrderUpdatedAsync(app);
        await using var subscribers = hasOrderUpdated ? new SoakSubscribers(server.BaseUri, bench.Tokens.For(AppUser), options.SoakSubscribers) : null;
        await Task.Delay(TimeSpan.FromSeconds(1));

        await Faults.InjectAsync(sandbox);
        bench.Say($"soak: {options.SoakOrders} placeOrder calls, {options.SoakConcurrency} at a time, faults on, restart halfway");
        var retrying = new RetryingApp(app, TimeSpan.FromMinutes(3));
        var keys = new ConcurrentQueue<string>(Enumerable.Range(0, options.SoakOrders).Select(i => $"soak-{i:D5}-{Guid.NewGuid():N}"));
        var outcomes = new ConcurrentBag<KeyOutcome>();
        var clock = Stopwatch.StartNew();
        using var stopDropping = new CancellationTokenSource();
        var dropper = DropStreamsAsync(sandbox, options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5), stopDropping.Token);
        var restart = new Restart(bench, server, options.SoakOrders / 2);
        await Task.WhenAll(Enumerable.Range(0, options.SoakConcurrency).Select(async _ =>
        {
            while (keys.TryDequeue(out var key))
            {
                outcomes.Add(await retrying.PlaceAsync(key));
                restart.Completed();
            }
        }));
        var placingSeconds = clock.Elapsed.TotalSeconds;
        await restart.Done;
        await stopDropping.CancelAsync();
        var streamDrops = await dropper;

        await sandbox.ClearFaultsAsync();
        bench.Say("soak: faults off, letting orders settle");
        var serverOrders = await ServerOrders.SettleAsync(app, sandbox, outcomes.Where(o => o.Result == KeyResult.Accepted).Select(o => o.OrderId!).ToHashSet());
        var sandboxOrders = await sandbox.AllOrdersAsync(checkerToken);
        if (hasOrderUpdated)
        {
            // Final events published after the last fill still need a moment to reach every socket.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return SoakVerdict.Judge(
            options.SoakOrders, [.. outcomes], serverOrders, sandboxOrders, subscribers?.Subscribers,
            placingSeconds, restart.Downtime, streamDrops, Faults.Description, retrying.RetryReasons);
    }

    private static async Task<int> DropStreamsAsync(SandboxApi sandbox, TimeSpan every, CancellationToken stop)
    {
        var drops = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop);
                await sandbox.DropStreamsAsync();
                drops++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return drops;
    }

    /// <summary>Kills the server once when half the keys are done and starts it again on the same port and database.</summary>
    private sealed class Restart(BenchContext bench, AppProcess server, int after)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _completed;

        public Task Done => _done.Task;

        public TimeSpan Downtime { get; private set; }

        public void Completed()
        {
            if (Interlocked.Increment(ref _completed) == after)
            {
                _ = Task.Run(RestartAsync);
            }
        }

        private async Task RestartAsync()
        {
            try
            {
                bench.Say("soak: killing the server (SIGKILL) and starting it again");
                var watch = Stopwatch.StartNew();
                await server.KillAsync();
                await server.StartAsync();
                Downtime = watch.Elapsed;
                bench.Say($"soak: server back after {Downtime.TotalSeconds:0.0} s");
                _done.TrySetResult();
            }
            catch (Exception e)
            {
                _done.TrySetException(e);
            }
        }
    }
}
