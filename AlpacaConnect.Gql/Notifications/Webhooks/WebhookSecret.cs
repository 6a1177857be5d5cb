namespace AlpacaConnect.Gql.Notifications.Webhooks;

/// <summary>
/// A Standard Webhooks symmetric secret: <c>whsec_</c> + base64 of 24 to 64 random bytes. The HMAC key is the decoded
/// bytes, not the string's UTF-8 (facts 4.1, and the pitfalls: providers that used the string broke every verifier).
/// </summary>
internal static class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int MinBytes = 24;
    public const int MaxBytes = 64;

    /// <summary>What is wrong with <paramref name="secret"/>, or null; never quotes the secret itself.</summary>
    public static string? Problem(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return $"must start with {Prefix} followed by base64.";
        }

        // A malformed base64 secret could otherwise decode to a short key without an error (facts 4.1, pitfalls).
        var buffer = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var length))
        {
            return $"is not valid base64 after {Prefix}.";
        }

        return length is < MinBytes or > MaxBytes ? $"must decode to {MinBytes} to {MaxBytes} bytes (it decodes to {length})." : null;
    }

    /// <summary>The HMAC key of a secret <see cref="Problem"/> accepted.</summary>
    public static byte[] KeyOf(string secret) =>
        Problem(secret) is null ? Convert.FromBase64String(secret[Prefix.Length..]) : throw new ArgumentException("Not a valid webhook secret.", nameof(secret));
}
