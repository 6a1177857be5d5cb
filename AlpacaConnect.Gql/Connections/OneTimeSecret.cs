using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// 256-bit random one-time values (OAuth state, completion codes) and the hash they are stored under.
/// The values are random, so an unsalted SHA-256 is enough: nothing can be guessed from the hash.
/// </summary>
internal static class OneTimeSecret
{
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
