using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AlpacaConnect.Gql.Tests.Observability;

/// <summary>One scrape of <c>/metrics</c>, parsed from the Prometheus text format.</summary>
public sealed partial class MetricsScrape
{
    private MetricsScrape(string text, IReadOnlyList<Sample> samples)
    {
        Text = text;
        Samples = samples;
    }

    public string Text { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public static async Task<MetricsScrape> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var samples = text.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new Sample(
                match.Groups["name"].Value,
                LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => Regex.Unescape(l.Groups["value"].Value)),
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        return new MetricsScrape(text, samples);
    }

    /// <summary>Scrapes until <paramref name="done"/> holds; the timeout only guards against a hang.</summary>
    public static async Task<MetricsScrape> ReadUntilAsync(HttpClient client, Func<MetricsScrape, bool> done)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var scrape = await ReadAsync(client);
            if (done(scrape) || guard.IsCancellationRequested)
            {
                return scrape;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The sum of the samples of <paramref name="name"/> that carry all the given labels (0 when there are none).</summary>
    public double Value(string name, params (string Key, string Value)[] labels) =>
        Matching(name, labels).Sum(s => s.Value);

    public IEnumerable<Sample> Matching(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public string Label(string key) => Labels.TryGetValue(key, out var value) ? value : "";
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?\s*$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
