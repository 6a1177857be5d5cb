namespace AlpacaConnect.Gql.Notifications;

/// <summary>The push provider a device token belongs to.</summary>
internal enum PushPlatform
{
    Apns,
    Fcm,
    Expo,
}

/// <summary>Where one outbox row goes: a device through its provider, or the operator's webhook endpoint.</summary>
internal enum NotificationChannel
{
    Apns,
    Fcm,
    Expo,
    Webhook,
}

internal static class NotificationChannels
{
    public static NotificationChannel Of(PushPlatform platform) => platform switch
    {
        PushPlatform.Apns => NotificationChannel.Apns,
        PushPlatform.Fcm => NotificationChannel.Fcm,
        _ => NotificationChannel.Expo,
    };
}
