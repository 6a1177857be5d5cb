using System.Diagnostics;
using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Hosting;

namespace AlpacaConnect.Bench;

/// <summary>What every scenario shares: the options, where things are, the run's secrets, one HTTP client, progress output.</summary>
public sealed class BenchContext(BenchOptions options, BenchPaths paths) : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public BenchOptions Options { get; } = options;

    public BenchPaths Paths { get; } = paths;

    public AppSettings Settings { get; } = AppSettings.ForRun(options.Postgres);

    public HttpClient Http { get; } = BenchHttp.Create();

    public AppTokens Tokens => new(Settings.SigningKey);

    public GraphQLClient GraphQL(Uri server, string appUser) => new(Http, server, Tokens.For(appUser));

    public void Say(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    public void Dispose() => Http.Dispose();
}
