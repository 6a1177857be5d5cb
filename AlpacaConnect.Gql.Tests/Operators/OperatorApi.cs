using AlpacaConnect.Gql.Audit;
using System.Net.Http.Json;
using System.Text.Json;
using AlpacaConnect.Gql.Operators;
using AlpacaConnect.Gql.Persistence;
using AlpacaConnect.Gql.Tests.Orders;
using AlpacaConnect.Gql.Tests.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlpacaConnect.Gql.Tests.Operators;

/// <summary>An operator calling <c>/operator/...</c> over HTTP with an operator token, and the audit rows it left.</summary>
internal sealed class OperatorApi(ApiFactory app, Func<HttpClient> clients, string operatorId = "op-ann") : IDisposable
{
    public const string Reason = "ticket 42: user reports a stuck order";

    private readonly HttpClient _http = WithToken(clients(), app.Services.GetRequiredService<OperatorTokens>().Issue(operatorId).AccessToken);

    /// <summary>An operator of <paramref name="driver"/>'s server, over loopback like its app users.</summary>
    public static OperatorApi On(OrderDriver driver) => new(driver.Host, () => new HttpClient { BaseAddress = driver.Host.BaseUri });

    public static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public Task<HttpResponseMessage> PostAsync(string path, object body) => _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static async Task<JsonElement> OkJsonAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<JsonElement> PauseAsync(string scope, string? target = null) =>
        OkJsonAsync(PostAsync("/operator/halts", new { scope, target, reason = Reason }));

    public Task<JsonElement> ResumeAsync(string scope, string? target = null) =>
        OkJsonAsync(PostAsync("/operator/halts/resume", new { scope, target, reason = Reason }));

    public Task<JsonElement> LookUpAsync(string userId) =>
        OkJsonAsync(GetAsync($"/operator/users/{Uri.EscapeDataString(userId)}?reason={Uri.EscapeDataString(Reason)}"));

    public async Task<IReadOnlyList<OperatorAuditEntry>> AuditAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OperatorAuditEntry>().OrderBy(e => e.Id).ToListAsync();
    }

    public void Dispose() => _http.Dispose();
}
