using System.Text.RegularExpressions;

namespace AlpacaConnect.Gql.Observability.Logging;

/// <summary>
/// Masks secrets in text bound for a log: credentials by the shape they travel in (<c>Bearer …</c>, <c>code=…</c> in a
/// URL, <c>"access_token":"…"</c> in JSON, <c>Authorization: …</c>, a JWT) and known secrets wherever they appear.
/// A safety net under the rule that no code logs a secret, not a licence to log them.
/// </summary>
internal sealed partial class SecretRedactor(KnownSecrets secrets)
{
    public const string Mask = "***";

    private const string SecretKeys =
        "code|state|completion_?code|access_?token|refresh_?token|id_?token|oauth_?token|token|client_?secret|secret_?key|password";

    /// <summary>The text with every secret masked; the same instance when there was nothing to mask.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text;
        foreach (var configured in secrets.Configured)
        {
            if (result.Contains(configured, StringComparison.Ordinal))
            {
                result = result.Replace(configured, Mask, StringComparison.Ordinal);
            }
        }

        result = Bearer().Replace(result, "${scheme} " + Mask);
        result = Header().Replace(result, "${key}${separator}" + Mask);
        result = QueryOrForm().Replace(result, "${key}=" + Mask);
        result = Json().Replace(result, "\"${key}\"${separator}\"" + Mask + "\"");
        result = Jwt().Replace(result, Mask);
        result = Candidate().Replace(result, m => secrets.Contains(m.ValueSpan) ? Mask : m.Value);
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    [GeneratedRegex(@"\b(?<scheme>[Bb]earer)\s+[A-Za-z0-9\-._~+/]{8,}=*")]
    private static partial Regex Bearer();

    /// <summary>A header value; not one already masked (HttpClient's logs print <c>Authorization: *</c>).</summary>
    [GeneratedRegex(@"\b(?<key>(?:proxy-)?authorization|apca-api-secret-key|apca-api-key-id|x-api-key)(?<separator>\s*[:=]\s*)(?!bearer\b|\*)[^\s,;]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex Header();

    [GeneratedRegex(@"\b(?<key>" + SecretKeys + @")=[^&\s""'<>#]+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryOrForm();

    [GeneratedRegex(@"""(?<key>" + SecretKeys + @"|authorization)""(?<separator>\s*:\s*)""[^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex Json();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    /// <summary>Runs that could be a UUID, hex or base64url secret, each looked up among the known secrets.</summary>
    [GeneratedRegex(@"[A-Za-z0-9_\-~]{16,}")]
    private static partial Regex Candidate();
}
