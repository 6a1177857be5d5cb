using System.Diagnostics;
using AlpacaConnect.Bench;
using AlpacaConnect.Bench.Floor;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Reporting;
using AlpacaConnect.Bench.Scenarios;
using AlpacaConnect.Bench.Scenarios.Placement;
using AlpacaConnect.Bench.Scenarios.Push;
using AlpacaConnect.Bench.Scenarios.Soak;

// bench/run.sh builds the server and this tool in Release, then runs this. See bench/README.md.
if (AbusiveClient.IsChildProcess(args))
{
    return await AbusiveClient.RunAsChildAsync(args);
}

if (FloorServer.IsChildProcess(args))
{
    return await FloorServer.RunAsChildAsync(args);
}

var options = BenchOptions.Parse(args);
var paths = BenchPaths.Find(options.RepositoryRoot, options.ResultsDirectory);

// With --baseline, the other checkout's server runs first, then this one's, in the same process and on the same
// machine state; each writes a results file of its own (the baseline's named "-baseline").
var problems = 0;
if (options.Baseline is { } baseline)
{
    problems += await RunAllAsync(options with { Name = $"{options.Name ?? "compare"}-baseline" }, paths.WithServerOf(baseline));
}

problems += await RunAllAsync(options.Baseline is null ? options : options with { Name = options.Name ?? "compare" }, paths);
return problems == 0 ? 0 : 1;

static async Task<int> RunAllAsync(BenchOptions options, BenchPaths paths)
{
    using var bench = new BenchContext(options, paths);
    var clock = Stopwatch.StartNew();
    var report = new BenchReport
    {
        TakenAt = TimeProvider.System.GetUtcNow(),
        Quick = options.Quick,
        Note = options.Note,
        Name = options.Name,
        Machine = MachineInfo.Describe(paths.RepositoryRoot),
    };

    async Task Run<T>(string name, Func<BenchContext, Task<T>> scenario, Action<T> keep)
    {
        if (!options.Runs(name))
        {
            return;
        }

        try
        {
            keep(await scenario(bench));
        }
        catch (Exception e)
        {
            bench.Say($"{name} failed: {e}");
            report.Problems.Add($"{name}: {e.GetType().Name}: {e.Message}");
        }
    }

    await Run("load", LoadScenario.RunAsync, r => report.Load = r);
    await Run(PlacementScenarios.OneAtATime, PlacementScenarios.OneUserOneAtATimeAsync, report.Placement.Add);
    await Run(PlacementScenarios.ManyAtOnce, PlacementScenarios.OneUserManyAtOnceAsync, report.Placement.Add);
    await Run(PlacementScenarios.ManyUsers, PlacementScenarios.ManyUsersOneAtATimeAsync, report.Placement.Add);
    await Run("economy", EconomyScenario.RunAsync, r => report.Economy = r);
    await Run(AppPollingScenario.Name, AppPollingScenario.RunAsync, r => report.AppPolling = r);
    await Run("storm", StormScenario.RunAsync, r => report.Storm = r);
    await Run("fanout", FanOutScenario.RunAsync, r => report.FanOut = r);
    await Run("soak", SoakScenario.RunAsync, r => report.Soak = r);
    await Run(AbuseScenario.Name, AbuseScenario.RunAsync, r => report.Abuse = r);
    await Run(PushScenario.Name, PushScenario.RunAsync, r => report.Push = r);

    report.DurationSeconds = clock.Elapsed.TotalSeconds;
    report.LoadAverageAtEnd = ProcFs.LoadAverage();
    var (json, markdown) = report.Write(paths.ResultsDirectory);
    bench.Say($"results: {markdown} and {json}");
    return report.Problems.Count;
}
