using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Activities;

/// <summary>
/// A cursor is Alpaca's page token (the activity's id, facts-more 2) behind a version prefix, base64url: opaque to
/// clients, and checked on the way back, so a made-up cursor is BAD_USER_INPUT before it reaches a URL. It holds
/// nothing of the user's: Alpaca answers a token only within the caller's own account. Decision 0035.
/// </summary>
internal static partial class ActivityCursor
{
    private const string Prefix = "act1:";

    public static string Wrap(string activityId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + activityId));

    public static string Unwrap(string cursor)
    {
        if (cursor.Length is 0 or > 200 || !Base64Url.IsValid(cursor))
        {
            throw Invalid();
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(Prefix, StringComparison.Ordinal) && Token().IsMatch(text[Prefix.Length..]) ? text[Prefix.Length..] : throw Invalid();
    }

    private static ApiException Invalid() =>
        new(ErrorCodes.BadUserInput, "after is not a cursor from `activities`; pass an edge's cursor or pageInfo.endCursor unchanged.");

    // The documented shape (17 digits, "::", a uuid) with room for Alpaca to vary it, and nothing a URL could misread.
    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z:._-]{0,99}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Token();
}
