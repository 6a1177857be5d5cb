using AlpacaConnect.Gql.Halts;

namespace AlpacaConnect.Gql.Operators;

/// <summary>Reads a kill-switch request's scope and target; the problems by field when they do not fit.</summary>
internal static class HaltTarget
{
    private const int MaxTargetLength = 128;

    public static Dictionary<string, string[]>? Parse(HaltRequest? request, out HaltScope scope, out string target)
    {
        target = TradingHalt.Everyone;
        if (!Enum.TryParse(request?.Scope, ignoreCase: true, out scope) || !Enum.IsDefined(scope) || int.TryParse(request!.Scope, out _))
        {
            return new() { ["scope"] = ["One of ALL, USER (target: an app user id) or ACCOUNT (target: an Alpaca account id)."] };
        }

        if (scope == HaltScope.All)
        {
            return string.IsNullOrEmpty(request.Target)
                ? null
                : new() { ["target"] = ["ALL takes no target."] };
        }

        if (request.Target?.Trim() is not { Length: > 0 and <= MaxTargetLength } named)
        {
            return new() { ["target"] = [$"{scope.ToString().ToUpperInvariant()} needs a target of 1 to {MaxTargetLength} characters."] };
        }

        target = named;
        return null;
    }
}
