using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Sandbox;

/// <summary>Access tokens (section <c>Sandbox:Tokens</c>).</summary>
public sealed class SandboxTokenOptions
{
    /// <summary>
    /// Unset (default, as Alpaca documents): tokens never expire and no refresh token is issued.
    /// Set (e.g. <c>00:15:00</c>): the token response carries <c>expires_in</c> and a <c>refresh_token</c>,
    /// and <c>grant_type=refresh_token</c> is accepted, rotating the refresh token. This exercises the
    /// server's refresh path; Alpaca Connect itself documents no expiry (UNVERIFIED).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan? ExpiresIn { get; set; }
}
