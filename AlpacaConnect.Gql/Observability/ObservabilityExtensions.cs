using System.Diagnostics.Metrics;
using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Alpaca.Http;
using AlpacaConnect.Gql.Observability.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AlpacaConnect.Gql.Observability;

internal static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>Metrics and traces (OpenTelemetry), log redaction and health checks.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section));
        services.AddOptions<ManagementOptions>()
            .Bind(builder.Configuration.GetSection(ManagementOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        ManagementPort.Listen(builder);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitHeadroom>();
        services.AddSingleton<AppMetrics>();
        services.AddSingleton<IUpstreamMetrics>(provider => provider.GetRequiredService<AppMetrics>());
        AddTelemetry(services, builder.Configuration.GetSection(TracingOptions.Section).Get<TracingOptions>() ?? new());
        AddLogRedaction(services);
        HealthEndpoints.AddHealth(builder);
        return builder;
    }

    /// <summary>
    /// The health endpoints, and <c>/metrics</c>: on the management port alone when one is set, else on the app's port
    /// when <see cref="MetricsOptions.Enabled"/>.
    /// </summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.Port is { } port)
        {
            // The management port serves metrics and health only; the app's port never serves metrics.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => ManagementPort.IsManagement(context, port) && context.Request.Path == MetricsPath);
            app.UseWhen(context => ManagementPort.IsManagement(context, port) && !context.Request.Path.StartsWithSegments("/health"), NotFound);
            HealthEndpoints.MapHealth(app);
            return app;
        }

        HealthEndpoints.MapHealth(app);
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled ?? app.Environment.IsDevelopment())
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).WithDisplayName("Prometheus metrics");
        }

        return app;
    }

    private static void NotFound(IApplicationBuilder branch) =>
        branch.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    private static void AddTelemetry(IServiceCollection services, TracingOptions tracing)
    {
        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http");
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                    builder.AddView(OnlyOwnMeters(provider.GetRequiredService<IMeterFactory>())));
                // Each scrape collects afresh: what an operator (or a test) reads is the state of that moment.
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            })
            .WithTracing(traces =>
            {
                traces.AddSource(AppActivities.SourceName, UpstreamActivities.SourceName);
                if (tracing.OtlpEndpoint is { } endpoint)
                {
                    traces.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
    }

    /// <summary>
    /// Meters are matched by name process-wide; a meter created by another host's <see cref="IMeterFactory"/> in the
    /// same process (a second server in tests, say) is not this server's and is dropped. Global meters are kept.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyOwnMeters(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>Every logger the host creates masks secrets before any provider sees an entry.</summary>
    private static void AddLogRedaction(IServiceCollection services)
    {
        services.AddSingleton<KnownSecrets>();
        services.AddSingleton<SecretRedactor>();
        services.AddHostedService<ConfiguredSecrets>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(
            new LoggerFactory(
                provider.GetServices<ILoggerProvider>(),
                provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                provider.GetService<IOptions<LoggerFactoryOptions>>(),
                provider.GetService<IExternalScopeProvider>()),
            provider.GetRequiredService<SecretRedactor>(),
            provider.GetRequiredService<AppMetrics>())));
        // Header values never reach HttpClient logs (the token handler's Authorization among them).
        services.ConfigureHttpClientDefaults(client => client.RedactLoggedHeaders(_ => true));
    }
}
