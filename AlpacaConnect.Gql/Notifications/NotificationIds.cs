using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Notifications;

/// <summary>
/// Dedup ids derived from what a notification announces and where it goes, not drawn at random: the outbox's unique
/// index on them then makes "one notification per device per event" a fact of the database, whoever writes the row.
/// </summary>
internal static class NotificationIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A canonical lowercase UUID (APNs' <c>apns-id</c> form) for <paramref name="parts"/>.</summary>
    public static string Uuid(params object[] parts)
    {
        var hash = Hash(parts);
        // Mark it as an RFC 9562 version 8 (custom) UUID with the RFC variant, so it is a well-formed UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    /// <summary>A Standard Webhooks message id: <c>msg_</c> and 26 letters and digits (no <c>.</c>, facts 4.1).</summary>
    public static string WebhookId(params object[] parts)
    {
        var hash = Hash(parts);
        var id = new StringBuilder("msg_", 30);
        for (var i = 0; i < 26; i++)
        {
            id.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return id.ToString();
    }

    private static byte[] Hash(object[] parts) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)))));
}
