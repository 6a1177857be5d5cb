using System.Text.Json;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.Tests.TestHost;

namespace AlpacaConnect.Gql.Tests.Observability.Alerts;

/// <summary>The Grafana dashboard shows what the alerts read: every metric an alert rule uses is queried by a panel.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public void EveryMetricAnAlertRuleReadsIsQueriedByTheDashboard()
    {
        var rules = File.ReadAllText(Path.Combine(Promtool.RulesFolder, "alerts.yml"));
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("ops", "grafana", "alpaca-connect.json")));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();
        var queried = queries.SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);

        var read = MetricNames(rules).ToList();

        Assert.Equal(11, read.Count);
        Assert.All(read, metric => Assert.Contains(metric, queried));
    }

    private static IEnumerable<string> MetricNames(string text) =>
        MetricName().Matches(text).Select(m => m.Value).Distinct();

    /// <summary>Our metrics and Prometheus's own <c>up</c>; PromQL functions and label names are not metrics.</summary>
    [GeneratedRegex(@"\balpaca_connect_[a-z_]+|\bup(?=\{)")]
    private static partial Regex MetricName();
}
