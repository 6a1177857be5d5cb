using AlpacaConnect.Gql.GraphQL.Errors;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.Rollout;

/// <summary>
/// Answers whether a user is in the rollout, by the settings as they are now. A bad edit of the settings while the
/// server runs (validated when read) keeps the last good cohort and logs a warning instead of failing every order.
/// </summary>
internal sealed partial class RolloutGate(IOptionsMonitor<RolloutOptions> options, ILogger<RolloutGate> logger)
{
    private RolloutOptions _lastGood = options.CurrentValue;
    private string? _lastProblem;

    public bool Admits(string userId)
    {
        var cohort = Current();
        return cohort.Cohort switch
        {
            RolloutCohort.Everyone => true,
            RolloutCohort.Listed => cohort.Users.Contains(userId, StringComparer.Ordinal),
            _ => cohort.Users.Contains(userId, StringComparer.Ordinal) || RolloutBuckets.Admits(userId, cohort.Percentage),
        };
    }

    /// <summary><c>NOT_IN_ROLLOUT</c> for a user outside the cohort; null for one inside it.</summary>
    public PayloadError? Refusal(string userId) => Admits(userId) ? null : new NotInRolloutError();

    private RolloutOptions Current()
    {
        try
        {
            return _lastGood = options.CurrentValue;
        }
        catch (OptionsValidationException e)
        {
            if (e.Message != _lastProblem)
            {
                _lastProblem = e.Message;
                LogInvalid(logger, e.Message);
            }

            return _lastGood;
        }
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "The Rollout settings changed to something invalid ({Problem}); the last valid cohort stays in force")]
    private static partial void LogInvalid(ILogger logger, string problem);
}
