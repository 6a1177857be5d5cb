using AlpacaConnect.Bench.Clients;

namespace AlpacaConnect.Bench.Scenarios.Soak;

/// <summary>
/// The soak's fault mix: five kinds, each hitting about 4% of every sandbox request (trading, token, data and stream
/// routes alike), 20% in all. The sandbox applies the first matching rule, so each rule's probability is raised to
/// make up for the requests the rules before it already took.
/// </summary>
public static class Faults
{
    private const double Share = 0.04;

    private static readonly (string Kind, int? Status, TimeSpan? Latency, string Description)[] Mix =
    [
        ("ServerError", 503, null, "503"),
        ("RateLimited", null, null, "429 with exhausted rate-limit headers"),
        ("Latency", null, TimeSpan.FromMilliseconds(1500), "1.5 s latency spike"),
        ("LoseResponse", null, null, "order accepted, connection aborted before the answer"),
        ("LoseResponse", 504, null, "order accepted, 504 instead of the answer"),
    ];

    public static string Description =>
        $"{Mix.Length * Share * 100:0}% of all sandbox requests: " + string.Join("; ", Mix.Select(m => $"{Share * 100:0}% {m.Description}"));

    public static async Task InjectAsync(SandboxApi sandbox)
    {
        for (var i = 0; i < Mix.Length; i++)
        {
            var (kind, status, latency, _) = Mix[i];
            await sandbox.AddFaultAsync("*", kind, Share / (1 - i * Share), latency, status);
        }
    }
}
