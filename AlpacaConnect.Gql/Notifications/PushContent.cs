namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// What a device is shown, the same for every provider; each sender maps it to its wire format. <see cref="Data"/>
/// holds ids and event names only (string values, as FCM demands), which the app uses to fetch the details.
/// </summary>
internal sealed record PushContent(string Title, string Body, IReadOnlyDictionary<string, string> Data);
