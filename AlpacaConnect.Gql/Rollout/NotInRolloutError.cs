using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Rollout;

/// <summary>The user is outside the rollout's cohort (<see cref="RolloutOptions"/>): nothing was connected or sent.</summary>
internal sealed record NotInRolloutError()
    : PayloadError(ErrorCodes.NotInRollout, "Trading through this app is not open to this user yet; nothing was sent. Existing orders and positions can still be read and cancelled.");

internal sealed class NotInRolloutErrorType()
    : PayloadErrorGraphType<NotInRolloutError>("NotInRolloutError", "The app is in a gradual rollout and the user is not in it yet: connecting and moving money are refused; reads and cancels still work.");
