using System.Text.Json;

namespace AlpacaConnect.Gql.Alpaca.Http;

/// <summary>
/// Alpaca's error body <c>{"code":40310000,"message":"..."}</c>; <c>code</c> is absent from some bodies such as the
/// gateway's <c>{"message":"forbidden."}</c> (facts 3.1). Anything else (HTML, nothing) reads as neither.
/// </summary>
internal static class AlpacaErrorBody
{
    private const int MaxBytes = 16 * 1024;
    private const int MaxMessageLength = 300;

    public static async Task<(int? Code, string? Message)> ReadAsync(HttpResponseMessage response)
    {
        try
        {
            // Buffered (bounded) rather than streamed, so that the token handler and the error mapper can both read it.
            await response.Content.LoadIntoBufferAsync(MaxBytes);
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n
                : c.ValueKind == JsonValueKind.String && int.TryParse(c.GetString(), out var s) ? s : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? Shorten(m.GetString()) : null;
            return (code, message);
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Alpaca answers 401/40110000 both for a dead token ("request is not authorized") and for a token lacking a scope,
    /// or an app not approved for live trading ("token is not authorized for this scope", facts 1.1 and 6.2). Only the
    /// first is cured by connecting again; treating the second as re-authorization would send the user round a loop.
    /// </summary>
    public static bool IsScopeRefusal(string? message) =>
        message is not null && message.Contains("scope", StringComparison.OrdinalIgnoreCase);

    private static string? Shorten(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var oneLine = message.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxMessageLength ? oneLine : oneLine[..MaxMessageLength] + "…";
    }
}
