using System.Net.Http.Json;
using System.Text.Json;

namespace AlpacaConnect.Bench.Clients;

/// <summary>The sandbox's fake push providers seen from outside: faults and what they accepted (<c>/sandbox/control/push</c>).</summary>
public sealed class PushFakesApi(HttpClient http, Uri sandbox, string controlSecret)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Every call to <paramref name="provider"/> fails with <paramref name="kind"/> with probability <paramref name="percent"/>%.</summary>
    public async Task FailAsync(string provider, string kind, int percent)
    {
        using var request = Control(HttpMethod.Post, "faults");
        request.Content = JsonContent.Create(new { kind, provider, percent }, options: Json);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task<int> CountAsync()
    {
        using var request = Control(HttpMethod.Get, "counters");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("deliveries").GetInt32();
    }

    public async Task<IReadOnlyList<FakeDelivery>> DeliveriesAsync()
    {
        using var request = Control(HttpMethod.Get, "deliveries/all");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<FakeDelivery>>(Json) ?? [];
    }

    private HttpRequestMessage Control(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(sandbox, "/sandbox/control/push/" + path));
        request.Headers.Add("X-Sandbox-Control-Secret", controlSecret);
        return request;
    }
}

/// <summary>One notification a fake provider accepted: <see cref="Id"/> is the dedup id (apns-id, data.notificationId).</summary>
public sealed record FakeDelivery(string Provider, string Token, string Id, Dictionary<string, string> Data, DateTimeOffset ReceivedAt);
