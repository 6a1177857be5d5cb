using System.Net;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Development only: a page to return to from the consent flow when there is no mobile app to catch the
/// deep link. It shows the completion code (or error) for the developer to pass to completeAlpacaConnection.
/// </summary>
internal static class DevReturnPage
{
    public const string Path = "/dev/alpaca/connected";

    public static IResult Show(string? completionCode, string? error) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Alpaca connection</title></head>
        <body style="font-family:sans-serif;max-width:40em;margin:2em auto">
        {(error is null
            ? $"<h1>Approved</h1><p>Complete the connection with this one-time code (valid ten minutes, same app user):</p><pre id=\"code\">{WebUtility.HtmlEncode(completionCode)}</pre>"
            : $"<h1>Not connected</h1><p>Error: <code id=\"error\">{WebUtility.HtmlEncode(error)}</code></p>")}
        </body></html>
        """,
        "text/html; charset=utf-8");
}
