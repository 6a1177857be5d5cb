using System.Globalization;
using System.Net;
using System.Text;

namespace AlpacaConnect.Sandbox.Push;

/// <summary>
/// <c>/sandbox/push/devices</c>: every device the fake providers delivered to, with its notifications as the phone shows
/// them (newest first; a notification replaced by its id or collapse key is gone), so a walkthrough ends with the push.
/// </summary>
internal static class PushDevicePage
{
    public static void MapPushDevicePage(this IEndpointRouteBuilder push) =>
        push.MapGet("/devices", (PushFakeStore store) => Results.Content(Render(store.Devices()), "text/html; charset=utf-8"));

    private static string Render(IReadOnlyList<(string Provider, string Token, IReadOnlyList<PushDelivery> Shown)> devices)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>Sandbox devices</title><style>
            body{font-family:system-ui,sans-serif;background:#eee;margin:2rem}.device{display:inline-block;vertical-align:top;width:20rem;margin:0 1rem 1rem 0;background:#222;border-radius:1.5rem;padding:1rem;color:#fff}
            .device h2{font-size:.8rem;font-weight:normal;color:#aaa;overflow-wrap:anywhere}.note{background:rgba(255,255,255,.92);color:#000;border-radius:.8rem;padding:.6rem .8rem;margin:.5rem 0}
            .note b{display:block}.note time{float:right;color:#666;font-size:.75rem}
            </style></head><body><h1>Sandbox devices</h1><p>What each device shows, as the fake APNs, FCM and Expo delivered it. Refreshes every 5 seconds.</p>
            """);
        if (devices.Count == 0)
        {
            html.Append("<p>No notifications yet: register a device and fill an order.</p>");
        }

        foreach (var (provider, token, shown) in devices)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"device\"><h2>{Encode(provider.ToUpperInvariant())} · {Encode(Shorten(token))}</h2>");
            foreach (var note in shown.Reverse())
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"note\"><time datetime=\"{note.ReceivedAt:O}\">{note.ReceivedAt:HH:mm:ss}</time><b>{Encode(note.Title)}</b>{Encode(note.Body)}</div>");
            }

            html.Append("</section>");
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Enough of the token to tell devices apart on a shared screen.</summary>
    private static string Shorten(string token) => token.Length <= 16 ? token : $"{token[..8]}…{token[^6..]}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
