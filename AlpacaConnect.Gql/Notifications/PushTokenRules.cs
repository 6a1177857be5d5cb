namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// The shapes of device tokens this server takes, checked before a token is stored or reaches a provider's URL (an
/// APNs token is a path segment). Lengths are generous: Apple promises no token length (facts 1.1).
/// </summary>
internal static class PushTokenRules
{
    public const int MaxLength = 512;

    private const int MinLength = 16;

    /// <summary>Why <paramref name="token"/> is refused for <paramref name="platform"/>, or null; <paramref name="normalized"/> is the form stored.</summary>
    public static string? Check(PushPlatform platform, string token, string? apnsEnvironment, out string normalized)
    {
        normalized = token.Trim();
        if (normalized.Length is < MinLength or > MaxLength)
        {
            return $"A device token has {MinLength} to {MaxLength} characters.";
        }

        if ((platform == PushPlatform.Apns) != (apnsEnvironment is not null))
        {
            return platform == PushPlatform.Apns
                ? "An APNs token needs its apnsEnvironment: a development build's token only works against Apple's sandbox."
                : "apnsEnvironment is for APNs tokens only.";
        }

        switch (platform)
        {
            case PushPlatform.Apns:
                normalized = normalized.ToLowerInvariant();
                return normalized.Length % 2 == 0 && normalized.All(char.IsAsciiHexDigit) ? null : "An APNs device token is hexadecimal.";
            case PushPlatform.Fcm:
                return normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':') ? null : "Not an FCM registration token.";
            default:
                return IsExpoToken(normalized) ? null : "An Expo push token looks like ExponentPushToken[...].";
        }
    }

    /// <summary><c>ExponentPushToken[...]</c>, <c>ExpoPushToken[...]</c> or a bare UUID, as Expo's SDK accepts (facts 3.1).</summary>
    private static bool IsExpoToken(string token)
    {
        if (Guid.TryParseExact(token, "D", out _))
        {
            return true;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["ExponentPushToken[", "ExpoPushToken["])
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal) && token.EndsWith(']'))
            {
                var inner = token.AsSpan(prefix.Length, token.Length - prefix.Length - 1);
                return inner.Length > 0 && !inner.ContainsAnyExcept(TokenChars);
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
}
