using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlpacaConnect.Gql.GraphQL.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace AlpacaConnect.Gql.Market;

/// <summary>
/// A position in a ticker search's ranked list: the offset, tagged with the search it belongs to, so a cursor passed
/// with another search is refused rather than silently reinterpreted. Opaque (base64url). The list may be refreshed
/// between pages (daily); an offset then continues in the new list, which is what a search box wants.
/// </summary>
internal static class AssetCursor
{
    private const string Version = "a1";

    public static string Encode(int offset, string search) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Join('|', Version, offset.ToString(CultureInfo.InvariantCulture), TagOf(search))));

    /// <summary>The offset after the cursor's asset, or a <c>BAD_USER_INPUT</c> error for anything not issued for this search.</summary>
    public static int Decode(string cursor, string search)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|');
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        return parts is [Version, var offsetText, var tag]
            && int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < int.MaxValue
            && tag == TagOf(search)
            ? offset + 1
            : throw Invalid();
    }

    private static string TagOf(string search) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("assets-cursor:" + search.ToUpperInvariant())).AsSpan(0, 6));

    private static ApiException Invalid() =>
        MarketLimits.Bad("after", "`after` is not a cursor from this search; use an `endCursor` returned for the same `search`.");
}
