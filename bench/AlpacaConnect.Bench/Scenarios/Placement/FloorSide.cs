using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AlpacaConnect.Bench.Clients;
using AlpacaConnect.Bench.Floor;
using AlpacaConnect.Bench.Hosting;
using AlpacaConnect.Bench.Load;

namespace AlpacaConnect.Bench.Scenarios.Placement;

/// <summary>
/// The floor side of one placement scenario: what the floor server reached, the CPU of its process and of the server
/// process (whose sandbox answered it), and the scenario's figure with the floor in the server's place.
/// </summary>
public sealed record FloorFigures(LoadResult Result, ProcessLoad FloorProcess, ProcessLoad ServerProcess, PlacementVerdict Figure);

/// <summary>
/// Measures the floor (<see cref="FloorServer"/>) like the other two sides: the same loops, warm-up and window, each
/// worker with its user's sandbox token, against the same sandbox and its added latency. The floor process is started
/// for this side only and stopped after it, so it holds no core while the server side runs.
/// </summary>
public static class FloorSide
{
    public static async Task<FloorFigures> MeasureAsync(
        BenchContext bench, SandboxServer server, string scenario, string title, int concurrency, Func<int, string> sandboxTokenOf,
        LoadResult direct, Func<LoadResult, LoadResult, PlacementVerdict> judge)
    {
        var options = bench.Options;
        var name = scenario + "-floor";
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // The server, a Web SDK project, runs with the server GC; this executable (the generator) does not, so the
            // floor process is given it as any ASP.NET Core app deployed would have it.
            ["DOTNET_gcServer"] = "1",
        };
        await using var floor = await AppProcess.StartAsync(
            name, typeof(FloorServer).Assembly.Location,
            [FloorServer.ChildFlag, "--database", bench.Paths.Database(name), "--upstream", server.Sandbox.Trading("/").ToString()],
            bench.Paths, AppProcess.FreeLoopbackPort(), settings);

        bench.Say(Inv($"{scenario}: POST /floor/orders via the floor server, {title} ({concurrency} concurrent, {options.LoadDuration.TotalSeconds:0} s)"));
        Task<string?> Place(int worker, CancellationToken ct) => PlaceAsync(bench.Http, floor.BaseUri, sandboxTokenOf(worker), ct);
        await ClosedLoop.RunAsync("warm-up", "warm-up", concurrency, TimeSpan.Zero, options.Quick ? TimeSpan.FromSeconds(1) : options.PlacementWarmUp, Place);
        var floorCpu = ProcFs.CpuTime(floor.Pid);
        var serverCpu = ProcFs.CpuTime(server.Process.Pid);
        var clock = Stopwatch.StartNew();
        var result = await ClosedLoop.RunAsync(
            "POST /floor/orders", "floor server", concurrency, options.LoadWarmUp, options.LoadDuration, Place);
        var floorLoad = ProcessLoad.Of(ProcFs.CpuTime(floor.Pid) - floorCpu, clock.Elapsed, result, options.LoadWarmUp);
        var serverLoad = ProcessLoad.Of(ProcFs.CpuTime(server.Process.Pid) - serverCpu, clock.Elapsed, result, options.LoadWarmUp);

        var figure = judge(direct, result).For("floor");
        bench.Say(
            Inv($"{scenario}: floor {result.RequestsPerSecond:0}/s p50 {result.Latency.P50:0.0} ms ({result.Failed} failed); ") +
            Inv($"{figure.Figure} {figure.Value:0.00} {figure.Unit}; floor process CPU {floorLoad.Cores:0.00} cores, ") +
            Inv($"{floorLoad.CpuMsPerCall:0.00} ms per call; server process (its sandbox) {serverLoad.Cores:0.00} cores"));
        return new FloorFigures(result, floorLoad, serverLoad, figure);
    }

    /// <summary>The order <c>placeOrder</c> places (<see cref="Operations.MarketBuy"/>) with a new key, in Alpaca's words.</summary>
    private static async Task<string?> PlaceAsync(HttpClient http, Uri floor, string sandboxToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(floor, "/floor/orders"))
        {
            Content = JsonContent.Create(new FloorOrderRequest(Operations.NewKey("floor"), Operations.Symbol, "1", "buy", "market", "day")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandboxToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}: {GraphQLClient.Trim(Encoding.UTF8.GetString(body))}";
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
