using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Rollout;

/// <summary>A listed cohort with nobody on the list is a typo, not a plan: it would lock every user out.</summary>
internal sealed class RolloutOptionsValidator : IValidateOptions<RolloutOptions>
{
    public ValidateOptionsResult Validate(string? name, RolloutOptions options)
    {
        if (options.Users.Any(string.IsNullOrWhiteSpace))
        {
            return ValidateOptionsResult.Fail("Rollout:Users holds an empty user id.");
        }

        return options.Cohort == RolloutCohort.Listed && options.Users.Count == 0
            ? ValidateOptionsResult.Fail(
                "Rollout:Cohort is Listed but Rollout:Users is empty: nobody could connect or trade. List the users, or set Cohort Percentage with Percentage 0 to admit nobody on purpose.")
            : ValidateOptionsResult.Success;
    }
}
