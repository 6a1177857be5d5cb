using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>The first 12 hex digits of SHA-256 of a token: enough to tell tokens apart in logs, useless to a thief.</summary>
public static class TokenFingerprint
{
    public static string Of(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
}
