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
        if (returnTo is null || !IsHeaderSafe(returnTo)
            || !Uri.TryCreate(returnTo, UriKind.Absolute, out var candidate)
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

    /// <summary>
    /// Printable ASCII only: the callback sends the browser there in a Location header, which cannot carry control or
    /// non-ASCII characters (Kestrel throws). Refused when the flow starts, so no callback consumes a state and then fails.
    /// </summary>
    public static bool IsHeaderSafe(string value) => value.All(c => c is > ' ' and < '\u007f');
}
