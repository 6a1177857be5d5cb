using System.Net;

namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// Development only: a page to return to from the consent flow when there is no mobile app to catch the
/// deep link. It shows the completion code (or error) for the developer to pass to completeAlpacaConnection.
/// </summary>
/// <remarks>
/// The code holds '-', so a double-click selects only part of it: the code selects whole on one click
/// (<c>user-select: all</c>) and a Copy button puts it on the clipboard, which a newcomer found missing.
/// </remarks>
internal static class DevReturnPage
{
    public const string Path = "/dev/alpaca/connected";

    public static IResult Show(string? completionCode, string? error) => Results.Content(
        $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Alpaca connection</title>
        <style>#code{user-select:all;font-size:1.2em}button{padding:.4em 1.2em}</style></head>
        <body style="font-family:sans-serif;max-width:40em;margin:2em auto">
        {{(error is null ? Approved(completionCode) : NotConnected(error))}}
        </body></html>
        """,
        "text/html; charset=utf-8");

    private static string Approved(string? completionCode) =>
        $$"""
        <h1>Approved</h1>
        <p>Complete the connection with this one-time code (valid ten minutes, same app user) in
        <code>completeAlpacaConnection(input: { completionCode: "…" })</code>:</p>
        <pre id="code">{{WebUtility.HtmlEncode(completionCode)}}</pre>
        <button id="copy" type="button">Copy</button>
        <script>
        document.getElementById('copy').addEventListener('click', async (event) => {
          const text = document.getElementById('code').textContent.trim();
          try { await navigator.clipboard.writeText(text); event.target.textContent = 'Copied'; }
          catch { getSelection().selectAllChildren(document.getElementById('code')); event.target.textContent = 'Selected: press Ctrl+C'; }
        });
        </script>
        """;

    private static string NotConnected(string error) =>
        $"""
        <h1>Not connected</h1><p>Error: <code id="error">{WebUtility.HtmlEncode(error)}</code></p>
        <p>Start again with <code>connectAlpaca</code>; each Alpaca account links to one app user at a time.</p>
        """;
}
