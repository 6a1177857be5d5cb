using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Decides whether a <c>returnTo</c> is on the allow-list: an absolute URI whose scheme, host, port and
/// path equal an allowed entry's. No fragments, no user info: the callback must never be an open redirect.
/// </summary>
internal sealed class ReturnToPolicy(IOptions<ConnectionsOptions> options)
{
    public bool IsAllowed(string? returnTo)
    {
        if (!Uri.TryCreate(returnTo, UriKind.Absolute, out var candidate)
            || candidate.Fragment.Length > 0
            || candidate.UserInfo.Length > 0)
        {
            return false;
        }

        return options.Value.AllowedReturnTo.Any(entry =>
            Uri.TryCreate(entry, UriKind.Absolute, out var allowed)
            && string.Equals(allowed.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(allowed.Host, candidate.Host, StringComparison.OrdinalIgnoreCase)
            && allowed.Port == candidate.Port
            && string.Equals(allowed.AbsolutePath, candidate.AbsolutePath, StringComparison.Ordinal));
    }
}
