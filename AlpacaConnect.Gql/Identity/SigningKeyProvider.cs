using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AlpacaConnect.Gql.Identity;

/// <summary>
/// The symmetric key app-user JWTs are checked (and, in Development, issued) with. Without a configured
/// key, Development gets a random one per process, so no signing key ever sits in a committed file.
/// </summary>
internal sealed class SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<SymmetricSecurityKey?> _key = new(() =>
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        }

        return environment.IsDevelopment() ? new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) : null;
    });

    public SymmetricSecurityKey? Key => _key.Value;
}
