using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Observability.Alerts;

/// <summary>
/// A real Prometheus (Debian's package) on a free loopback port, with a temporary folder for its configuration and
/// data, scraping one target every second and evaluating the committed rules every second. The rules' 30-minute
/// windows and their <c>for</c> durations are shortened to seconds; thresholds and expressions are used as committed.
/// Killed and its folder removed when disposed.
/// </summary>
public sealed partial class PrometheusServer : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"alpaca-connect-prometheus-{Guid.NewGuid():N}");
    private readonly Process _process;
    private readonly HttpClient _api;

    public PrometheusServer(Uri target)
    {
        Directory.CreateDirectory(_folder);
        var rules = File.ReadAllText(Path.Combine(Promtool.RulesFolder, "alerts.yml"));
        rules = Window().Replace(rules, "[20s]");
        rules = ForDuration().Replace(rules, "for: 0s");
        File.WriteAllText(Path.Combine(_folder, "alerts.yml"), rules);
        File.WriteAllText(Path.Combine(_folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: [alerts.yml]
            scrape_configs:
              - job_name: alpaca-connect
                static_configs:
                  - targets: ["{target.Authority}"]
            """);

        var port = ApiFactory.FreeLoopbackPort();
        var start = new ProcessStartInfo("prometheus")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--config.file=prometheus.yml", "--storage.tsdb.path=data", $"--web.listen-address=127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>The state of <paramref name="alert"/> (<c>pending</c>, <c>firing</c>), or null when it is inactive or Prometheus is not up yet.</summary>
    public async Task<string?> AlertStateAsync(string alert)
    {
        try
        {
            using var answer = await _api.GetFromJsonAsync<JsonDocument>("/api/v1/alerts");
            return answer!.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
                .Where(a => a.GetProperty("labels").GetProperty("alertname").GetString() == alert)
                .Select(a => a.GetProperty("state").GetString())
                .FirstOrDefault();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"\[30m\]")]
    private static partial Regex Window();

    [GeneratedRegex(@"for: \d+m")]
    private static partial Regex ForDuration();
}
