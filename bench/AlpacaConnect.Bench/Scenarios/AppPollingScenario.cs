using System.Diagnostics;

namespace AlpacaConnect.Bench.Scenarios;

public sealed record AppPollingFigures(
    int Symbols, double PlannedSeconds, double Seconds, int Ticks, int Calls, int Failed, string? FirstFailure,
    int TradingRequests, int DataRequests, int OtherRequests, int Upstream429s, IReadOnlyDictionary<string, int> UpstreamByRoute)
{
    public double TradingPerMinute => TradingRequests / (Seconds / 60.0);

    public double DataPerMinute => DataRequests / (Seconds / 60.0);
}

/// <summary>
/// Upstream economy as an app spends it (issue 15, done-when 4): one user whose app, every second, polls
/// <c>quotes</c> for a 20-symbol watchlist and <c>portfolioHistory</c> for its home screen, against the server with its
/// shipped limits and caches. The sandbox's request log, split by host (trading API vs. market data API), says what
/// each API received per minute and how many it refused with 429. Budgets: 190 a minute per account and API on our
/// side, Alpaca's 200.
/// </summary>
public static class AppPollingScenario
{
    public const string Name = "app-polling";

    /// <summary>Ten of the sandbox's listed equities, its two crypto pairs, and eight tickers it does not list (answered found: false, as Alpaca omits them).</summary>
    public static readonly string[] Watchlist =
    [
        "AAPL", "MSFT", "TSLA", "SPY", "SBXN", "PNNY", "A", "AA", "AAL", "APLE", "BTC/USD", "ETH/USD",
        "NVDA", "AMZN", "GOOGL", "META", "NFLX", "AMD", "INTC", "ORCL",
    ];

    private const string Quotes = "query($symbols: [String!]!) { quotes(symbols: $symbols) { symbol found latestTrade { price } latestQuote { bidPrice askPrice } } }";
    private const string History = "{ portfolioHistory(period: \"1D\") { timeframe baseValue points { timestamp equity profitLoss } } }";

    public static async Task<AppPollingFigures> RunAsync(BenchContext bench)
    {
        var duration = bench.Options.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(60);
        await using var server = await SandboxServer.StartAsync(bench, Name, []);
        await server.Sandbox.ClearRequestsAsync();
        bench.Say($"{Name}: quotes for {Watchlist.Length} symbols and portfolioHistory every second for {duration.TotalSeconds:0} s");

        var (ticks, calls, failed) = (0, 0, 0);
        string? firstFailure = null;
        async Task CallAsync(string query, object? variables)
        {
            var result = await server.App.ExecuteAsync(query, variables);
            Interlocked.Increment(ref calls);
            if (!result.Ok && Interlocked.Increment(ref failed) == 1)
            {
                firstFailure = $"HTTP {(int)result.Status} {string.Join(',', result.ErrorCodes)}";
            }
        }

        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            ticks++;
            // Both screens refresh together, as an app's timers fire; a tick does not wait for a slow one before the next.
            await Task.WhenAll(CallAsync(Quotes, new { symbols = Watchlist }), CallAsync(History, null));
        }
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync());

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, duration.TotalSeconds);
        var upstream = (await server.Sandbox.RequestsAsync()).Where(r => !r.Path.StartsWith("/sandbox/control", StringComparison.Ordinal)).ToList();
        var data = upstream.Count(r => r.Path.StartsWith("/sandbox/data", StringComparison.Ordinal));
        var trading = upstream.Count(r => r.Path.StartsWith("/sandbox/paper", StringComparison.Ordinal) || r.Path.StartsWith("/sandbox/live", StringComparison.Ordinal));
        return new AppPollingFigures(
            Watchlist.Length, duration.TotalSeconds, seconds, ticks, calls, failed, firstFailure, trading, data, upstream.Count - trading - data,
            upstream.Count(r => r.Status == 429), upstream.GroupBy(r => r.Route).ToDictionary(g => g.Key, g => g.Count()));
    }
}
