namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>The parameters of an authorize request, from the query (GET) or the consent form (POST).</summary>
internal sealed record AuthorizeRequest(
    string? ResponseType, string? ClientId, string? RedirectUri, string? State, string? Scope, string? Env)
{
    public static AuthorizeRequest From(Func<string, string?> read) =>
        new(read("response_type"), read("client_id"), read("redirect_uri"), read("state"), read("scope"), read("env"));

    /// <summary>Null when valid; else why. A bad request shows an error page and never redirects (Alpaca-API#268).</summary>
    public string? Problem(SandboxOAuthClientRegistry client)
    {
        if (ClientId != client.ClientId)
        {
            return "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";
        }

        if (!client.IsRegistered(RedirectUri))
        {
            return "The redirect_uri is not registered for this application.";
        }

        if (ResponseType != "code")
        {
            return "The response_type must be code.";
        }

        if (Env is not (null or "" or "paper" or "live"))
        {
            return "The env must be paper or live.";
        }

        var unknown = OAuthScopes.Parse(Scope).Where(s => !OAuthScopes.Known.Contains(s)).ToList();
        return unknown.Count > 0 ? $"Unknown scope: {string.Join(' ', unknown)}." : null;
    }

    /// <summary>Null when the user is asked for both a paper and a live account.</summary>
    public SandboxEnvironment? Environment => Env switch
    {
        "paper" => SandboxEnvironment.Paper,
        "live" => SandboxEnvironment.Live,
        _ => null,
    };

    public IEnumerable<KeyValuePair<string, string?>> Fields() =>
    [
        new("response_type", ResponseType), new("client_id", ClientId), new("redirect_uri", RedirectUri),
        new("state", State), new("scope", Scope), new("env", Env),
    ];
}
