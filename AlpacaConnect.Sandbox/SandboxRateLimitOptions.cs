using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Sandbox;

/// <summary>The request limit (section <c>Sandbox:RateLimit</c>).</summary>
public sealed class SandboxRateLimitOptions
{
    /// <summary>Requests allowed per one-minute window (Alpaca: 200).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 200;

    /// <summary>What a window is counted for: <c>Token</c> (default) or <c>Account</c> (UNVERIFIED which Alpaca uses for OAuth).</summary>
    public SandboxRateLimitKey Key { get; set; } = SandboxRateLimitKey.Token;
}

/// <summary>What the rate limit counts requests for.</summary>
public enum SandboxRateLimitKey
{
    /// <summary>One window per access token.</summary>
    Token,

    /// <summary>One window per brokerage account.</summary>
    Account,
}
