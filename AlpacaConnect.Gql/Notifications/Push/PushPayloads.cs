using System.Text.Json;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>The outbox row's <see cref="PushContent"/> JSON (web defaults: <c>title</c>, <c>body</c>, <c>data</c>).</summary>
internal static class PushPayloads
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The content, or null when the row holds something else (a bug; the row is failed, not retried).</summary>
    public static PushContent? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<PushContent>(payload, Web) is { Title: not null, Body: not null, Data: not null } content ? content : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write(PushContent content) => JsonSerializer.Serialize(content, Web);

    /// <summary>The key FCM and Expo data carry the dedup id under, so the app can drop a second copy.</summary>
    public const string NotificationIdKey = "notificationId";
}
