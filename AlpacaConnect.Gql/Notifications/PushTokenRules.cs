namespace AlpacaConnect.Gql.Notifications;

/// <summary>The shapes of device tokens this server takes, checked before a token is stored or reaches a URL.</summary>
internal static class PushTokenRules
{
    /// <summary>Longer than any provider's token (APNs' are 64 hex today and Apple promises no length; FCM's ~160).</summary>
    public const int MaxLength = 512;
}
