using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Notifications.Push;

/// <summary>
/// OAuth access tokens for FCM from the service account (Google.Apis.Auth, facts 2.1). The library caches a token and
/// renews it before it expires, so N sends cost one token request; <see cref="Renew"/> starts over after a 401.
/// </summary>
internal sealed class FcmAccessTokens(IOptions<FcmOptions> options)
{
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    private readonly Lock _gate = new();
    private ITokenAccess? _credential;

    /// <summary>FCM refused <paramref name="refused"/>: the next <see cref="Credential"/> fetches a new token.</summary>
    public void Renew(ITokenAccess refused)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_credential, refused))
            {
                _credential = null;
            }
        }
    }

    public ITokenAccess Credential()
    {
        lock (_gate)
        {
            return _credential ??= Create(options.Value.ServiceAccountJson!);
        }
    }

    /// <summary>Reads the key file; a bad one is reported by setting name only, never with its text.</summary>
    public static ITokenAccess Create(string json)
    {
        try
        {
            return CredentialFactory.FromJson<ServiceAccountCredential>(json).ToGoogleCredential().CreateScoped(Scope).UnderlyingCredential;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{FcmOptions.Section}:{nameof(FcmOptions.ServiceAccountJson)} is not a service account key file (JSON with type service_account, client_email, private_key and token_uri).");
        }
    }
}
