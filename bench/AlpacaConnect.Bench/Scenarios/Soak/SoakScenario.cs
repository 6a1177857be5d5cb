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
    /// <summary>App users and the sandbox users they link: three lanes, since one user's placements are serialized by design.</summary>
    private static readonly (string AppUser, string SandboxUser)[] Users = [("bench-alice", "alice"), ("bench-bob", "bob"), ("bench-carol", "carol")];

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
        var sandbox = new SandboxApi(bench.Http, sandboxHost.BaseUri, bench.Settings.SandboxControlSecret);

        var retryReasons = new ConcurrentDictionary<string, int>();
        var lanes = new List<Lane>();
        foreach (var (appUser, sandboxUser) in Users)
        {
            var app = bench.GraphQL(server.BaseUri, appUser);
            await Connector.ConnectAsync(bench.Http, app, sandboxUser, AppSettings.ReturnTo);
            var checkerToken = await SandboxOAuth.IssueTokenAsync(
                bench.Http, sandboxHost.BaseUri, sandboxUser, AppSettings.SandboxClientId, bench.Settings.SandboxClientSecret, AppSettings.BenchRedirectUri);
            lanes.Add(new Lane(appUser, app, checkerToken, new RetryingApp(appUser, app, TimeSpan.FromMinutes(3), retryReasons)));
        }

        var hasOrderUpdated = await FanOutScenario.HasOrderUpdatedAsync(lanes[0].App);
        var subscribers = hasOrderUpdated
            ? lanes.Select(l => new SoakSubscribers(
                server.BaseUri, l.AppUser, bench.Tokens.For(l.AppUser), options.SoakSubscribersPerUser, options.SoakClientDropEvery)).ToList()
            : [];
        try
        {
            // Every subscriber attached before the first order, so each should receive its user's whole log.
            for (var wait = 0; wait < 120 && !subscribers.All(p => p.AllAttached); wait++)
            {
                await Task.Delay(250);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            await Faults.InjectAsync(sandbox);
            bench.Say($"soak: {options.SoakOrders} placeOrder calls by {lanes.Count} users, {options.SoakConcurrency} at a time, faults on, restart halfway");
            var keys = new ConcurrentQueue<(Lane Lane, string Key)>(
                Enumerable.Range(0, options.SoakOrders).Select(i => (lanes[i % lanes.Count], $"soak-{i:D5}-{Guid.NewGuid():N}")));
            var outcomes = new ConcurrentBag<KeyOutcome>();
            var clock = Stopwatch.StartNew();
            using var stopDropping = new CancellationTokenSource();
            var dropper = DropStreamsAsync(sandbox, options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5), stopDropping.Token);
            var restart = new Restart(bench, server, options.SoakOrders / 2);
            await Task.WhenAll(Enumerable.Range(0, options.SoakConcurrency).Select(async _ =>
            {
                while (keys.TryDequeue(out var next))
                {
                    outcomes.Add(await next.Lane.Placer.PlaceAsync(next.Key));
                    restart.Completed();
                }
            }));
            var placingSeconds = clock.Elapsed.TotalSeconds;
            await restart.Done;
            await stopDropping.CancelAsync();
            var streamDrops = await dropper;

            await sandbox.ClearFaultsAsync();
            bench.Say("soak: faults off, letting orders settle");
            var accepted = outcomes.Where(o => o.Result == KeyResult.Accepted).Select(o => o.OrderId!).ToHashSet();
            var serverOrders = (await Task.WhenAll(lanes.Select(l => ServerOrders.SettleAsync(l.App, sandbox, accepted)))).SelectMany(o => o).ToList();
            var sandboxOrders = (await Task.WhenAll(lanes.Select(l => sandbox.AllOrdersAsync(l.CheckerToken)))).SelectMany(o => o).ToList();

            var everySubscriber = subscribers.SelectMany(s => s.Subscribers).ToList();
            var logs = new Dictionary<string, IReadOnlyList<string>>();
            if (hasOrderUpdated)
            {
                subscribers.ForEach(s => s.StopDropping());
                foreach (var lane in lanes)
                {
                    logs[lane.AppUser] = await SoakLog.ReadAsync(lane.App);
                }

                // Updates published after the last fill, and the catch-up of a subscriber that just resumed, still
                // need a moment to reach every socket.
                await SoakLog.WaitForCatchUpAsync(logs, everySubscriber, TimeSpan.FromSeconds(60));
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            return SoakVerdict.Judge(
                options.SoakOrders, [.. outcomes], serverOrders, sandboxOrders, hasOrderUpdated ? everySubscriber : null, hasOrderUpdated ? logs : null,
                placingSeconds, restart.Downtime, streamDrops, Faults.Description, retryReasons);
        }
        finally
        {
            foreach (var pool in subscribers)
            {
                await pool.DisposeAsync();
            }
        }
    }

    private sealed record Lane(string AppUser, GraphQLClient App, string CheckerToken, RetryingApp Placer);

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
                // Readiness includes the upstream probe, whose answer the server keeps for 30 s: with a fifth of the
                // sandbox's answers faulty, two failed probes in a row outlasted the usual 60 s wait in one run.
                await server.StartAsync(readyWithin: TimeSpan.FromMinutes(3));
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
