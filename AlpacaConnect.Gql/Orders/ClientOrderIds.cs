using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// The <c>client_order_id</c> of a user's order, derived from (user, idempotency key) alone: every attempt for one key
/// sends the same id, and Alpaca refuses a second order with it (unique for the account's lifetime, facts 2.2), so no
/// retry, crash or concurrent request can make Alpaca hold two orders for one key.
/// </summary>
internal static class ClientOrderIds
{
    private const string Prefix = "acg-";

    /// <summary>"acg-" and 32 base32 characters (160 bits of SHA-256): 36 characters, within the old 48-character limit.</summary>
    public static string Derive(string userId, string idempotencyKey)
    {
        // Length-prefixing keeps ("a|", "b") and ("a", "|b") apart.
        var material = $"{userId.Length}:{userId}|{idempotencyKey}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return Prefix + Base32(hash.AsSpan(0, 20));
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var text = new StringBuilder(bytes.Length * 8 / 5);
        for (var i = 0; i < bytes.Length; i += 5)
        {
            // Five bytes are exactly eight base32 characters.
            ulong block = 0;
            for (var j = 0; j < 5; j++)
            {
                block = (block << 8) | bytes[i + j];
            }

            for (var shift = 35; shift >= 0; shift -= 5)
            {
                text.Append(Alphabet[(int)((block >> shift) & 31)]);
            }
        }

        return text.ToString();
    }
}
