using System.Security.Cryptography;
using System.Text;

namespace AlpacaConnect.Gql.Notifications.Webhooks;

/// <summary>
/// Signs a webhook per Standard Webhooks: HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> with each secret, as
/// <c>v1,&lt;base64&gt;</c>, space-separated when a rotation configures two secrets (facts 4.1). Our own rather than the
/// served community package, which ignores the last of several signatures (decision 0040).
/// </summary>
internal sealed class WebhookSigner
{
    private readonly IReadOnlyList<byte[]> _keys;

    public WebhookSigner(IEnumerable<string> secrets)
    {
        _keys = [.. secrets.Select(WebhookSecret.KeyOf)];
        if (_keys.Count == 0)
        {
            throw new ArgumentException("At least one webhook secret is needed.", nameof(secrets));
        }
    }

    /// <summary>The <c>webhook-signature</c> header value for one attempt.</summary>
    public string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        if (webhookId.Contains('.', StringComparison.Ordinal))
        {
            // The signed content is dot-separated; a dot in the id would make two messages sign alike (facts 4.1).
            throw new ArgumentException("A webhook id must not contain '.'.", nameof(webhookId));
        }

        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return string.Join(' ', _keys.Select(key => "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content))));
    }
}
