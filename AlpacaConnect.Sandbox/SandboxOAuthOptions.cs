using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Sandbox;

/// <summary>The sandbox's one registered OAuth app (section <c>Sandbox:OAuth</c>).</summary>
public sealed class SandboxOAuthOptions
{
    /// <summary>Name shown on the consent page.</summary>
    [Required]
    public string AppName { get; set; } = "RichesReach (sandbox)";

    /// <summary>The app's client id.</summary>
    [Required]
    public string ClientId { get; set; } = "sandbox-client";

    /// <summary>The app's client secret. Leave unset to get a random secret per process (read it from
    /// <c>SandboxOAuthClientRegistry.ClientSecret</c>); never commit one.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Redirect URIs registered for the app; the authorize request must match one exactly.
    /// More can be added at run time with <c>SandboxOAuthClientRegistry.RegisterRedirectUri</c>.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Lifetime of an authorization code (UNVERIFIED at Alpaca; assumed minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>HTTP status for an unknown, expired, reused or mismatched authorization code (UNVERIFIED).</summary>
    [Range(400, 499)]
    public int InvalidGrantStatus { get; set; } = 401;

    /// <summary>Alpaca error code in the body for an invalid authorization code (UNVERIFIED).</summary>
    public int InvalidGrantCode { get; set; } = 40110000;

    /// <summary>Scopes added to every grant on top of the requested ones. Alpaca was seen to grant
    /// <c>data</c> unasked (Alpaca-API#106); set to <c>["data"]</c> to reproduce that.</summary>
    public List<string> ExtraGrantedScopes { get; set; } = [];

    /// <summary>Whether the market-data endpoints need the <c>data</c> scope (UNVERIFIED at Alpaca).</summary>
    public bool DataRequiresDataScope { get; set; } = true;
}
