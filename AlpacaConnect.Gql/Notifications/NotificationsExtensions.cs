using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Notifications.Push;
using AlpacaConnect.Gql.Notifications.Webhooks;
using AlpacaConnect.Gql.Orders;

namespace AlpacaConnect.Gql.Notifications;

internal static class NotificationsExtensions
{
    /// <summary>
    /// Background delivery: the user's push devices, the outbox written with each event it announces, the dispatcher
    /// that sends it, and the senders (APNs, FCM, Expo, Standard Webhooks).
    /// </summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationsOptions>()
            .Bind(builder.Configuration.GetSection(NotificationsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PushDeviceRegistry>();
        builder.Services.AddSingleton<PushTexts>();
        builder.Services.AddSingleton<OutboxWriter>();
        builder.Services.AddSingleton<IOrderEventEnlistment>(services => services.GetRequiredService<OutboxWriter>());
        builder.Services.AddSingleton<IConnectionEventEnlistment>(services => services.GetRequiredService<OutboxWriter>());
        builder.Services.AddSingleton<OutboxClaims>();
        builder.Services.AddSingleton<NotificationMetrics>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        builder.Services.AddQueryFields<PushDeviceQueries>();
        builder.Services.AddMutationFields<PushDeviceMutations>();
        builder.AddPushProviders();
        builder.AddWebhooks();
        return builder;
    }
}
