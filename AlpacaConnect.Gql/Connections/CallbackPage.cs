namespace AlpacaConnect.Gql.Connections;

/// <summary>
/// The page shown when the callback cannot trust its request. It names no app link on purpose: without a
/// valid state there is no allow-listed place to send the browser, and guessing one would be an open redirect.
/// </summary>
internal static class CallbackPage
{
    public static IResult InvalidState() => Results.Content(
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Link expired</title></head>
        <body><h1>This link has expired or was already used</h1>
        <p>Go back to the app and start connecting your Alpaca account again.</p></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: StatusCodes.Status400BadRequest);
}
