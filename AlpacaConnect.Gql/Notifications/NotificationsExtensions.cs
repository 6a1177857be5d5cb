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
        return builder;
    }
}
