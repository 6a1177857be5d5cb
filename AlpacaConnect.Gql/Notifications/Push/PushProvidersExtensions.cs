using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

internal static class PushProvidersExtensions
{
    /// <summary>
    /// The device push senders (APNs, FCM, Expo) and Expo's receipt checker, each channel configured under
    /// <c>Notifications:Apns</c>, <c>Notifications:Fcm</c> and <c>Notifications:Expo</c>; a channel left out is off.
    /// </summary>
    public static WebApplicationBuilder AddPushProviders(this WebApplicationBuilder builder)
    {
        builder.Services.AddPushProviders();
        return builder;
    }

    /// <summary>The same on a service collection (test hosts); adding it twice adds it once.</summary>
    public static IServiceCollection AddPushProviders(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ApnsProviderToken)))
        {
            return services;
        }

        services.AddOptions<ApnsOptions>().BindConfiguration(ApnsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FcmOptions>().BindConfiguration(FcmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExpoOptions>().BindConfiguration(ExpoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PushOptionsValidator>();
        services.AddSingleton<IValidateOptions<ApnsOptions>>(p => p.GetRequiredService<PushOptionsValidator>());
        services.AddSingleton<IValidateOptions<FcmOptions>>(p => p.GetRequiredService<PushOptionsValidator>());
        services.AddSingleton<IValidateOptions<ExpoOptions>>(p => p.GetRequiredService<PushOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Apple: keep the connection for hours and PING it when idle (facts 1.1); several connections when one fills.
        // The device token is in the request path, and HttpClient's own logs write the URI: the sender logs instead.
        services.AddHttpClient(ApnsSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = TimeSpan.FromHours(2),
                KeepAlivePingDelay = TimeSpan.FromMinutes(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                AutomaticDecompression = DecompressionMethods.None,
            });
        services.AddHttpClient(FcmSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient(ExpoSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate });

        services.AddSingleton<ApnsProviderToken>();
        services.AddSingleton<FcmAccessTokens>();
        services.AddSingleton<INotificationSender, ApnsSender>();
        services.AddSingleton<INotificationSender, FcmSender>();
        services.AddSingleton<INotificationSender, ExpoSender>();
        services.AddSingleton<ExpoReceiptChecker>();
        services.AddHostedService(p => p.GetRequiredService<ExpoReceiptChecker>());
        return services;
    }
}
