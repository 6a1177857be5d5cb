using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlpacaConnect.Gql.Observability;

internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>Liveness (the process answers) and readiness (the database answers; in Alpaca mode, Alpaca too).</summary>
    public static void AddHealth(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>()
            .Bind(builder.Configuration.GetSection(HealthOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AlpacaUpstreamHealthCheck>();
        builder.Services.AddHttpClient(AlpacaUpstreamHealthCheck.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<AlpacaUpstreamHealthCheck>(AlpacaUpstreamHealthCheck.Name, tags: [ReadyTag]);
    }

    public static void MapHealth(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
