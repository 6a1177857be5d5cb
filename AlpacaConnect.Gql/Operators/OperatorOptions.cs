using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Operators;

/// <summary>
/// The operator API (configuration section <c>Operator</c>): JSON endpoints under <c>/operator</c> for support and
/// incident work, authenticated with JWTs of their own audience, never an app user's. Outside Development the API is
/// closed (not mapped) until <see cref="Audience"/> is set, and then needs <see cref="SigningKey"/> or <c>Jwt:Authority</c>.
/// </summary>
internal sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The audience of operator tokens in Development when none is configured.</summary>
    public const string DevelopmentAudience = "alpaca-connect-operator";

    /// <summary>Expected <c>aud</c> claim of operator tokens; must differ from <c>Jwt:Audience</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Symmetric key operator tokens are signed with (HS256, at least 32 bytes), different from <c>Jwt:SigningKey</c>, so
    /// whoever can issue app users' tokens cannot issue an operator's. A secret: set it through the environment. Not
    /// needed with <c>Jwt:Authority</c> (the identity provider issues operator tokens for <see cref="Audience"/>).
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    /// <summary>How many of a user's latest orders a lookup shows (with their events).</summary>
    [Range(1, 500)]
    public int RecentOrders { get; set; } = 50;

    /// <summary>The audience in force; null when the operator API is closed.</summary>
    public string? AudienceIn(IHostEnvironment environment) =>
        !string.IsNullOrEmpty(Audience) ? Audience : environment.IsDevelopment() ? DevelopmentAudience : null;
}
