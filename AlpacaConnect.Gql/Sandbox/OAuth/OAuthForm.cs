namespace AlpacaConnect.Gql.Sandbox.OAuth;

/// <summary>
/// Reads an OAuth form post. ASP.NET Core refuses form fields holding NUL characters with an
/// <see cref="InvalidDataException"/>; that is a malformed request (400), not a failure of the simulator.
/// </summary>
internal static class OAuthForm
{
    /// <summary>The form, or null when it is not a form or cannot be read.</summary>
    public static async Task<IFormCollection?> TryReadAsync(HttpRequest http)
    {
        if (!http.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await http.ReadFormAsync(http.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
