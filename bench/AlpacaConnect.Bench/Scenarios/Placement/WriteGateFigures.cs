using System.Globalization;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary>
/// What the server's one SQLite writer did while a side ran, from its <c>/metrics</c> before and after
/// (<c>alpaca_connect_db_write_gate_*</c>, decision 0045): the share of the wall time a write held it, how many writes
/// each successful call cost, and how long each held it and waited for it. A busy share near 1 means the writes, one at a
/// time, are what limits the side's throughput, whatever the cores could still do.
/// </summary>
public sealed record WriteGateFigures(double BusyShare, double WritesPerCall, double MeanHoldMs, double MeanWaitMs)
{
    private const string Hold = "alpaca_connect_db_write_gate_hold_seconds";
    private const string Wait = "alpaca_connect_db_write_gate_wait_seconds";

    /// <summary>The gate's running totals now.</summary>
    public static async Task<WriteGateTotals> ReadAsync(HttpClient http, Uri server)
    {
        var text = await http.GetStringAsync(new Uri(server, "/metrics"));
        // Only the gate's own series; a sample line is name{labels} value, and label values may hold spaces.
        var totals = text.Split('\n')
            .Where(line => line.StartsWith(Hold, StringComparison.Ordinal) || line.StartsWith(Wait, StringComparison.Ordinal))
            .Select(line => (Name: line.Split('{', ' ')[0], Value: line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0]))
            .GroupBy(sample => sample.Name)
            .ToDictionary(g => g.Key, g => g.Sum(sample => double.Parse(sample.Value, CultureInfo.InvariantCulture)));
        double Total(string name) => totals.GetValueOrDefault(name);
        return new(Total(Hold + "_sum"), Total(Hold + "_count"), Total(Wait + "_sum"), Total(Wait + "_count"));
    }

    public static WriteGateFigures Between(WriteGateTotals before, WriteGateTotals after, TimeSpan wall, double calls)
    {
        var held = after.HoldSum - before.HoldSum;
        var holds = after.HoldCount - before.HoldCount;
        var waited = after.WaitSum - before.WaitSum;
        var waits = after.WaitCount - before.WaitCount;
        return new(
            held / wall.TotalSeconds,
            calls > 0 ? holds / calls : 0,
            holds > 0 ? held * 1000 / holds : 0,
            waits > 0 ? waited * 1000 / waits : 0);
    }
}

/// <summary>The gate's histograms as <c>/metrics</c> gives them, summed over their series: seconds held and holds, seconds waited and waits.</summary>
public readonly record struct WriteGateTotals(double HoldSum, double HoldCount, double WaitSum, double WaitCount);
