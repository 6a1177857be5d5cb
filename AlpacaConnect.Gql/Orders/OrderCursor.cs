using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlpacaConnect.Gql.GraphQL.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace AlpacaConnect.Gql.Orders;

/// <summary>
/// A position in a user's order list: the keyset (created at, id) of the last order seen. Opaque to clients
/// (base64url). It carries a tag of the user it was issued to, so a cursor handed to another user is refused rather
/// than silently reinterpreted; the tag is no access control (the list is always the caller's own), only a check.
/// </summary>
internal readonly record struct OrderCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const string Version = "o1";

    public static OrderCursor Of(Order order) => new(order.CreatedAt, order.Id);

    public string Encode(string userId)
    {
        var text = string.Join('|', Version, CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"), TagOf(userId));
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The cursor, or a <c>BAD_USER_INPUT</c> error for anything this server did not issue to this user.</summary>
    public static OrderCursor Decode(string cursor, string userId)
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

        if (parts is not [Version, var ticksText, var idText, var tag]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(idText, "N", out var id)
            || tag != TagOf(userId))
        {
            throw Invalid();
        }

        return new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }

    private static string TagOf(string userId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("orders-cursor:" + userId)).AsSpan(0, 8));

    private static ApiException Invalid() =>
        new(ErrorCodes.BadUserInput, "`after` is not a cursor from this list; use an `endCursor` returned to you.");
}
