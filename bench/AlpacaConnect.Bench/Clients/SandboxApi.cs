using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlpacaConnect.Bench.Clients;

/// <summary>
/// The sandbox called directly: its Trading API with a sandbox token (the "direct call" of the load figures), and its
/// control surface under <c>/sandbox/control</c> (faults, request log, streams, prices, matching engine).
/// </summary>
public sealed class SandboxApi(HttpClient http, Uri host, string controlSecret)
{
    /// <summary>The header <c>/sandbox/control</c> expects <c>Sandbox:ControlSecret</c> in outside Development.</summary>
    private const string ControlSecretHeader = "X-Sandbox-Control-Secret";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Uri Host { get; } = host;

    public Uri Trading(string path) => new(Host, "/sandbox/paper" + path);

    public HttpRequestMessage TradingRequest(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, Trading(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return request;
    }

    /// <summary>A fault rule for every matching request until cleared (<c>count: null</c>).</summary>
    public Task AddFaultAsync(string route, string kind, double probability = 1.0, TimeSpan? latency = null, int? status = null) =>
        SendControlAsync(HttpMethod.Post, "faults", new { route, kind, count = (int?)null, probability, latency = latency ?? TimeSpan.Zero, status });

    public Task ClearFaultsAsync() => SendControlAsync(HttpMethod.Delete, "faults");

    public Task ClearRequestsAsync() => SendControlAsync(HttpMethod.Delete, "requests");

    public async Task<IReadOnlyList<SandboxRequest>> RequestsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Control("requests"));
        request.Headers.Add(ControlSecretHeader, controlSecret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<SandboxRequest>>(Json) ?? [];
    }

    /// <summary>Aborts every open trade_updates socket.</summary>
    public Task DropStreamsAsync() => SendControlAsync(HttpMethod.Post, "streams/drop", new { });

    public Task SetPriceAsync(string symbol, decimal price) => SendControlAsync(HttpMethod.Put, $"prices/{symbol}", new { price });

    /// <summary>
    /// The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the sandbox handed the order's event to its
    /// trade_updates sockets, or null when it has not (yet). Comparable with this process's timestamps: both read the
    /// machine's monotonic clock.
    /// </summary>
    public async Task<long?> EmittedAtAsync(string clientOrderId, string eventName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Control($"streams/emitted?clientOrderId={Uri.EscapeDataString(clientOrderId)}&event={Uri.EscapeDataString(eventName)}"));
        request.Headers.Add(ControlSecretHeader, controlSecret);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var emitted = await response.Content.ReadFromJsonAsync<SandboxEmission>(Json);
        return emitted is { Frequency: var f } && f == System.Diagnostics.Stopwatch.Frequency ? emitted.Timestamp : null;
    }

    /// <summary>Works every open order now, ignoring the fill delay.</summary>
    public Task ProcessNowAsync() => SendControlAsync(HttpMethod.Post, "process");

    /// <summary>Every order of the token's paper account, oldest first, paging by <c>submitted_at</c> (500 a page, Alpaca's maximum).</summary>
    public async Task<IReadOnlyList<SandboxOrder>> AllOrdersAsync(string token)
    {
        var byId = new Dictionary<string, SandboxOrder>();
        DateTimeOffset? after = null;
        while (true)
        {
            var path = "/v2/orders?status=all&limit=500&direction=asc" +
                (after is { } a ? "&after=" + Uri.EscapeDataString(a.AddTicks(-1).ToString("O", CultureInfo.InvariantCulture)) : "");
            using var request = TradingRequest(HttpMethod.Get, path, token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<List<SandboxOrder>>(Json) ?? [];
            var added = page.Count(o => byId.TryAdd(o.Id, o));
            if (added == 0 || page.Count < 500)
            {
                return [.. byId.Values.OrderBy(o => o.SubmittedAt)];
            }

            // Ties on submitted_at are fetched again (after is exclusive) and skipped by id.
            after = page.Max(o => o.SubmittedAt);
        }
    }

    private Uri Control(string path) => new(Host, "/sandbox/control/" + path);

    private async Task SendControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Control(path));
        request.Headers.Add(ControlSecretHeader, controlSecret);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sandbox control {method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>A row of the sandbox's request log (never a secret: routes, statuses, token fingerprints).</summary>
public sealed record SandboxRequest(long Sequence, DateTimeOffset At, string Method, string Path, string Route, int Status, string? Fault, bool Aborted);

/// <summary>The fields of an Alpaca order the soak checks.</summary>
public sealed record SandboxOrder(string Id, string ClientOrderId, string Status, DateTimeOffset SubmittedAt, string FilledQty);

/// <summary>When the sandbox emitted a trade update, on the machine's monotonic clock.</summary>
public sealed record SandboxEmission(long Timestamp, long Frequency);
