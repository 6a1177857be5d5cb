using System.Text.Json;
using System.Text.Json.Serialization;
using AlpacaConnect.Bench.Scenarios;
using AlpacaConnect.Bench.Scenarios.Placement;
using AlpacaConnect.Bench.Scenarios.Push;
using AlpacaConnect.Bench.Scenarios.Soak;

namespace AlpacaConnect.Bench.Reporting;

/// <summary>Everything one run measured; null sections were not run (or failed: see <see cref="Problems"/>).</summary>
public sealed record BenchReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public required DateTimeOffset TakenAt { get; init; }

    public required bool Quick { get; init; }

    public string? Note { get; init; }

    public required MachineInfo Machine { get; init; }

    public double DurationSeconds { get; set; }

    public string LoadAverageAtEnd { get; set; } = "";

    public LoadFigures? Load { get; set; }

    /// <summary>The placement scenarios that ran, in the order they ran.</summary>
    public List<PlacementFigures> Placement { get; } = [];

    public EconomyFigures? Economy { get; set; }

    public AppPollingFigures? AppPolling { get; set; }

    public StormFigures? Storm { get; set; }

    /// <summary>One per fan-out size, smallest first.</summary>
    public IReadOnlyList<FanOutFigures>? FanOut { get; set; }

    public SoakFigures? Soak { get; set; }

    public AbuseFigures? Abuse { get; set; }

    public PushFigures? Push { get; set; }

    /// <summary>Suffix of the files' names (<c>--name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Scenarios that failed to run, with the reason.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Writes <c>&lt;date&gt;.json</c> and <c>&lt;date&gt;.md</c> (with a suffix for a quick run) and returns their paths.</summary>
    public (string Json, string Markdown) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var name = TakenAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (Name is { } suffix ? "-" + suffix : "") + (Quick ? "-quick" : "");
        var json = Path.Combine(directory, name + ".json");
        var markdown = Path.Combine(directory, name + ".md");
        File.WriteAllText(json, JsonSerializer.Serialize(this, Json) + "\n");
        File.WriteAllText(markdown, MarkdownReport.Render(this));
        return (json, markdown);
    }
}
