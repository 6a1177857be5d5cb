namespace AlpacaConnect.Bench.Load;

/// <summary>What one load target did in its measured window: successful calls per second and their latencies; failures counted apart.</summary>
public sealed record LoadResult(string Target, string Via, int Concurrency, double Seconds, int Succeeded, int Failed, double RequestsPerSecond, LatencySummary Latency, string? FirstFailure);
