using System.Globalization;

namespace AlpacaConnect.Bench;

/// <summary>
/// Command line of the bench. <c>--quick</c> shrinks every duration and count so a run takes about two minutes; its
/// figures only prove the harness works. The full sizes are the ones the results files quote.
/// </summary>
public sealed record BenchOptions
{
    public static readonly string[] AllScenarios =
        ["load", "placement-serial", "placement-parallel", "placement-users", "economy", "app-polling", "storm", "fanout", "soak", "abuse", "push"];

    /// <summary>Names <c>--only</c> takes for several scenarios at once: <c>placement</c> runs the three placement scenarios.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Groups = new Dictionary<string, string[]>
    {
        ["placement"] = ["placement-serial", "placement-parallel", "placement-users"],
    };

    public bool Quick { get; init; }

    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(AllScenarios);

    public string? RepositoryRoot { get; init; }

    public string? ResultsDirectory { get; init; }

    /// <summary>
    /// Another checkout (e.g. a worktree of the previous commit) whose Release server build is measured in the same run,
    /// scenario for scenario before this checkout's, so a change can be compared with what it changed.
    /// </summary>
    public string? Baseline { get; init; }

    /// <summary>A remark printed at the top of the results, e.g. that the machine was busy.</summary>
    public string? Note { get; init; }

    /// <summary>A suffix of the results files' names (<c>&lt;date&gt;-&lt;name&gt;.md</c>), so a partial run does not overwrite the day's full one.</summary>
    public string? Name { get; init; }

    /// <summary>Workers of the abusive client in <c>abuse</c>, each opening sockets and sending operations without pause.</summary>
    public int AbusiveWorkers { get; init; } = 16;

    /// <summary>The fixed latency the sandbox adds to every request in the load scenario (both targets).</summary>
    public TimeSpan UpstreamLatency { get; init; } = TimeSpan.FromMilliseconds(20);

    public int LoadConcurrency { get; init; } = 16;

    public TimeSpan LoadWarmUp => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long each placement side runs unmeasured before its measured run: a fresh server's tiered JIT keeps
    /// recompiling the order path's methods for some seconds of new load, and a server in production runs warm.
    /// </summary>
    public TimeSpan PlacementWarmUp { get; init; } = TimeSpan.FromSeconds(45);

    public TimeSpan LoadDuration => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);

    /// <summary>Orders one user places at once in <c>placement-parallel</c>.</summary>
    public int PlacementConcurrency { get; init; } = 16;

    /// <summary>Users in <c>placement-users</c>, each placing one order at a time; the sandbox seeds as many.</summary>
    public int PlacementUsers { get; init; } = 50;

    public int EconomyPerSecond { get; init; } = 1000;

    public TimeSpan EconomyDuration => Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(60);

    public int StormCalls => Quick ? 200 : 1000;

    /// <summary>The fan-out sizes, one server each: the issue's 1,000 and 10,000 subscribers (<c>--subscribers</c> for others).</summary>
    public IReadOnlyList<int> FanOutSizes => ChosenFanOutSizes ?? (Quick ? [200] : [1000, 10_000]);

    public IReadOnlyList<int>? ChosenFanOutSizes { get; init; }

    public int FanOutRounds => Quick ? 3 : 10;

    /// <summary>
    /// How long each fan-out size runs unmeasured rounds before the measured ones: a fresh server's tiered JIT is
    /// still recompiling the delivery path for several seconds of events (a profile of a run with one warm-up round
    /// showed the server's and the client's tiered-compilation threads using more than half a core during the
    /// measured rounds), and a server in production runs warm.
    /// </summary>
    public TimeSpan FanOutWarmUp { get; init; } = TimeSpan.FromSeconds(30);

    public int SoakOrders => Quick ? 400 : 10_000;

    /// <summary>Users of the push scenario, each with two devices; with <see cref="PushOrdersPerUser"/>, 10,000 fills in a full run.</summary>
    public int PushUsers => Quick ? 50 : 1000;

    public int PushOrdersPerUser => Quick ? 4 : 10;

    public int SoakConcurrency { get; init; } = 48;

    public int SoakSubscribersPerUser { get; init; } = 4;

    /// <summary>How often, on average, a soak subscriber drops its own socket and resumes with <c>after:</c>.</summary>
    public TimeSpan SoakClientDropEvery => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);

    /// <summary>
    /// A PostgreSQL connection string (a user that may create databases): every server of the run keeps its data there,
    /// in a database of its own, instead of in a SQLite file. Unset: SQLite, as shipped.
    /// </summary>
    public string? Postgres { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options with { Quick = true },
                "--only" => options with { Scenarios = Only(Value()) },
                "--repo" => options with { RepositoryRoot = Value() },
                "--out" => options with { ResultsDirectory = Value() },
                "--note" => options with { Note = Value() },
                "--name" => options with { Name = Value() },
                "--baseline" => options with { Baseline = Value() },
                "--upstream-latency-ms" => options with { UpstreamLatency = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { LoadConcurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--subscribers" => options with { ChosenFanOutSizes = [.. Value().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--placement-warm-up-s" => options with { PlacementWarmUp = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--fanout-warm-up-s" => options with { FanOutWarmUp = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--postgres" => options with { Postgres = Value() },
                _ => throw new ArgumentException($"Unknown argument {args[i]}. Use --quick, --only {string.Join(',', AllScenarios.Concat(Groups.Keys))}, --repo, --out, --note, --name, --baseline, --upstream-latency-ms, --concurrency, --subscribers, --placement-warm-up-s, --fanout-warm-up-s, --postgres."),
            };
        }

        return options;
    }

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    private static HashSet<string> Only(string list)
    {
        var chosen = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(name => Groups.TryGetValue(name, out var members) ? members : [name])
            .ToHashSet();
        var unknown = chosen.Except(AllScenarios).ToList();
        return unknown.Count == 0 ? chosen : throw new ArgumentException($"Unknown scenario(s): {string.Join(", ", unknown)}.");
    }
}
