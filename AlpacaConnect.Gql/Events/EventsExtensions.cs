using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Events;

internal static class EventsExtensions
{
    /// <summary>
    /// The bus that carries domain events between features, instances and GraphQL subscriptions: the
    /// <see cref="IEventBus"/> chosen by <c>Streaming:EventBus</c>: in process (default) or over Redis, with a
    /// <c>redis</c> readiness check then. Chosen when services are first resolved: configuration added by a test host
    /// is only final then.
    /// </summary>
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventBusOptions>()
            .Bind(builder.Configuration.GetSection(EventBusOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EventBusOptions>, EventBusOptionsValidator>();
        builder.Services.AddSingleton<InProcessEventBus>();
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddSingleton<RedisEventBus>();
        builder.Services.AddSingleton<IEventBus>(services => IsRedis(services)
            ? services.GetRequiredService<RedisEventBus>()
            : services.GetRequiredService<InProcessEventBus>());
        builder.Services.AddHostedService<EventBusStartup>();
        builder.Services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>>(services => new ConfigureOptions<HealthCheckServiceOptions>(health =>
        {
            if (IsRedis(services))
            {
                // "ready": the tag of the readiness endpoint (Observability/HealthEndpoints).
                health.Registrations.Add(new HealthCheckRegistration(
                    "redis", checks => ActivatorUtilities.CreateInstance<RedisHealthCheck>(checks), failureStatus: null, tags: ["ready"]));
            }
        }));
        return builder;
    }

    /// <summary>Whether Redis is configured (<c>Streaming:EventBus=Redis</c>): what else is shared across instances follows.</summary>
    internal static bool IsRedis(IServiceProvider services) =>
        services.GetRequiredService<IOptions<EventBusOptions>>().Value.EventBus == EventBusKind.Redis;
}
