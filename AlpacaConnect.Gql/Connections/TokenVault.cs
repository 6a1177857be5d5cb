using System.Security.Cryptography;
using AlpacaConnect.Gql.Observability.Logging;
using Microsoft.AspNetCore.DataProtection;

namespace AlpacaConnect.Gql.Connections;

/// <summary>The kinds of secret kept at rest; each has its own Data Protection purpose.</summary>
internal enum TokenKind
{
    Access,
    Refresh,
}

/// <summary>
/// Encrypts OAuth tokens at rest with ASP.NET Core Data Protection (key ring in the database). Every
/// ciphertext is bound to its owner row through a sub-purpose, so a ciphertext copied into another row
/// does not decrypt there.
/// </summary>
internal sealed class TokenVault(IDataProtectionProvider provider, KnownSecrets secrets)
{
    private const string Purpose = "AlpacaConnect.Connections.Tokens.v1";

    /// <summary>Every token passes here in plain text, so here the redaction layer learns to mask it.</summary>
    public string Protect(TokenKind kind, Guid owner, string token)
    {
        secrets.Add(token);
        return Protector(kind, owner).Protect(token);
    }

    /// <summary>The token, or null when the ciphertext does not belong to <paramref name="owner"/> or is damaged.</summary>
    public string? Unprotect(TokenKind kind, Guid owner, string ciphertext)
    {
        try
        {
            var token = Protector(kind, owner).Unprotect(ciphertext);
            secrets.Add(token);
            return token;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector(TokenKind kind, Guid owner) =>
        provider.CreateProtector(Purpose, kind.ToString(), owner.ToString("N"));
}
