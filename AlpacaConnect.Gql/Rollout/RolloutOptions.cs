using System.ComponentModel.DataAnnotations;

namespace AlpacaConnect.Gql.Rollout;

/// <summary>
/// Who may connect an Alpaca account and move money during a gradual rollout (configuration section <c>Rollout</c>).
/// Read on every connect and every money-moving command, so a change to the settings takes effect without a restart.
/// Users outside the cohort keep reading (and cancelling) what they already have.
/// </summary>
internal sealed class RolloutOptions
{
    public const string Section = "Rollout";

    /// <summary><c>Everyone</c> (the default: no rollout), <c>Listed</c> (only <see cref="Users"/>) or <c>Percentage</c>.</summary>
    public RolloutCohort Cohort { get; set; } = RolloutCohort.Everyone;

    /// <summary>
    /// App user ids (the JWT's <c>sub</c>) admitted by name: the whole cohort when <see cref="Cohort"/> is <c>Listed</c>,
    /// admitted on top of the percentage when it is <c>Percentage</c>.
    /// </summary>
    public List<string> Users { get; set; } = [];

    /// <summary>
    /// With <c>Percentage</c>: the share of users admitted, 0 to 100, by a stable hash of the user id (SHA-256), so a user's
    /// answer is the same on every instance and after restarts, and raising it only ever admits more users.
    /// </summary>
    [Range(0, 100)]
    public int Percentage { get; set; }
}

internal enum RolloutCohort
{
    Everyone,
    Listed,
    Percentage,
}
