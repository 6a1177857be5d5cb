using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Rollout;

/// <summary>
/// A user's place in a percentage rollout: 0 to 99 from SHA-256 of the user id. <c>string.GetHashCode</c> would differ
/// per process, so a user would be in the beta on one instance and out of it on the next, or after a restart.
/// </summary>
internal static class RolloutBuckets
{
    public static int Of(string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(userId), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % 100);
    }

    /// <summary>Whether <paramref name="userId"/> is admitted when <paramref name="percentage"/> percent are.</summary>
    public static bool Admits(string userId, int percentage) => Of(userId) < percentage;
}
