namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>
/// Reads an OAuth form post. ASP.NET Core refuses form fields holding NUL characters with an
/// <see cref="InvalidDataException"/>, and a multipart body that ends early with an <see cref="IOException"/>;
/// both are malformed requests (400), not failures of the simulator.
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
        catch (Exception exception) when (exception is InvalidDataException or IOException && !http.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }
}
