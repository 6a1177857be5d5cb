namespace AlpacaConnect.Sandbox.Trading;

internal static class BearerToken
{
    /// <summary>The token of <c>Authorization: Bearer …</c>, or null.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? header[7..].Trim()
            : null;
    }
}
