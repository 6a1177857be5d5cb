using AlpacaConnect.Gql.Identity;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Explorer;

/// <summary>
/// Signs the explorer in as <see cref="ExplorerOptions.DevUser"/> in Development. Banana Cake Pop seeds each
/// new document's connection headers from <c>bcp-config.json</c>, and sends those headers both on HTTP and as
/// the <c>connection_init</c> payload, so one header covers queries, mutations and subscriptions. Outside
/// Development there is no token to give: the explorer is anonymous there whatever is configured.
/// </summary>
internal sealed class ExplorerSignIn(IOptions<ExplorerOptions> options, IHostEnvironment environment, DevTokenIssuer issuer)
{
    /// <summary>The headers for a new explorer document; null when the explorer is anonymous.</summary>
    public IReadOnlyDictionary<string, string>? Headers()
    {
        var user = options.Value.DevUser;
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(user))
        {
            return null;
        }

        var token = issuer.Issue(user);
        return new Dictionary<string, string> { ["Authorization"] = $"{token.TokenType} {token.AccessToken}" };
    }
}
