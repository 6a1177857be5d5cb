using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Sandbox;

/// <summary>
/// The embedded Alpaca simulator (configuration section <c>Sandbox</c>). Used only when <c>Alpaca:Mode</c> is
/// <c>Sandbox</c>. Every behaviour that Alpaca does not document (marked UNVERIFIED in
/// <c>alpaca-api-facts.md</c>) has a setting here, defaulting to the most likely real behaviour.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Seed of everything random in the sandbox (prices, order ids, fault decisions, partial fills).
    /// Same seed and same calls give the same outcome.</summary>
    public int Seed { get; set; } = 20260101;

    /// <summary>The registered OAuth app and its authorization codes.</summary>
    [Required]
    public SandboxOAuthOptions OAuth { get; set; } = new();

    /// <summary>Access tokens: lifetime and refresh.</summary>
    [Required]
    public SandboxTokenOptions Tokens { get; set; } = new();

    /// <summary>The matching engine, the price feed and market hours.</summary>
    [Required]
    public SandboxMarketOptions Market { get; set; } = new();

    /// <summary>Order validation quirks whose exact Alpaca behaviour is not documented.</summary>
    [Required]
    public SandboxOrderOptions Orders { get; set; } = new();

    /// <summary>Asset lookups.</summary>
    [Required]
    public SandboxAssetOptions Assets { get; set; } = new();

    /// <summary>The per-token request limit.</summary>
    [Required]
    public SandboxRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The trade_updates WebSocket.</summary>
    [Required]
    public SandboxStreamOptions Stream { get; set; } = new();

    /// <summary>Opening cash of every seeded account, in USD. Alpaca's paper default is $100k.</summary>
    [Range(0, 1_000_000_000)]
    public decimal StartingCash { get; set; } = 100_000m;

    /// <summary>
    /// Extra sandbox users seeded after alice, bob and carol, for benchmarks: <c>user-0001</c>, <c>user-0002</c>, …
    /// (four digits), named <c>Sandbox User 0001</c>, …, each with a paper and a live account, usable on the consent
    /// page and by <c>user</c> in the consent form exactly as <c>alice</c> is. 0 (default) to 10000.
    /// </summary>
    [Range(0, 10_000)]
    public int GeneratedUsers { get; set; }

    /// <summary>
    /// Outside Development the simulator runs only when this is <c>true</c> (with <c>Alpaca:Mode=Sandbox</c>): a staging
    /// or demo server on purpose, never a production server by accident. The start-up log and <c>/health/ready</c> say so.
    /// </summary>
    public bool AllowOutsideDevelopment { get; set; }

    /// <summary>
    /// The secret a caller of <c>/sandbox/control</c> sends in the <c>X-Sandbox-Control-Secret</c> header (at least 16
    /// characters). Without it the control endpoints are open in Development and closed (403) everywhere else. A secret:
    /// set it through <c>Sandbox__ControlSecret</c> or user-secrets.
    /// </summary>
    [MinLength(16)]
    public string? ControlSecret { get; set; }

    /// <summary>How many received requests the control log keeps (oldest dropped first).</summary>
    [Range(1, 1_000_000)]
    public int RequestLogCapacity { get; set; } = 10_000;
}
