namespace AlpacaConnect.Sandbox.Push;

/// <summary>What a fake provider does instead of delivering to one device token.</summary>
public enum PushFaultKind
{
    /// <summary>The token is dead: APNs 410 Unregistered, FCM 404 UNREGISTERED, an Expo DeviceNotRegistered ticket.</summary>
    DeadToken,

    /// <summary>Expo only: the ticket is ok, the receipt says DeviceNotRegistered (facts 3, pitfalls).</summary>
    DeadReceipt,

    /// <summary>APNs 400 BadDeviceToken; FCM 400 INVALID_ARGUMENT about the registration token.</summary>
    BadToken,

    /// <summary>429 with <c>Retry-After</c> (<see cref="PushFaultRule.RetryAfterSeconds"/>).</summary>
    RateLimited,

    /// <summary>503 (APNs ServiceUnavailable, FCM UNAVAILABLE, Expo's request error).</summary>
    Unavailable,

    /// <summary>500 (APNs InternalServerError, FCM INTERNAL).</summary>
    ServerError,

    /// <summary>APNs 403 ExpiredProviderToken; FCM 401 UNAUTHENTICATED (the OAuth token refused).</summary>
    CredentialExpired,

    /// <summary>
    /// Expo only: the notification is accepted (the device has it) but no answer is ever sent, until the sender gives up
    /// or dies: the moment between a provider's accept and the sender recording it.
    /// </summary>
    AcceptThenHang,
}

/// <summary>
/// A fault for one token (or every token when <see cref="Token"/> is null) of one provider (<c>apns</c>, <c>fcm</c>,
/// <c>expo</c>, or null for all): the first <see cref="Times"/> calls (every call when null) fail, each with
/// probability <see cref="Percent"/>% (100 when null); after that the token is delivered to again.
/// </summary>
public sealed record PushFaultRule(
    PushFaultKind Kind, string? Token = null, string? Provider = null, int? Times = null, int? Percent = null, int? RetryAfterSeconds = null);

/// <summary>The injected faults, decided per call.</summary>
public sealed class PushFaults(Matching.SandboxRandom random)
{
    private readonly Lock _gate = new();
    private readonly List<(PushFaultRule Rule, int Left)> _rules = [];

    public void Add(PushFaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add((rule, rule.Times ?? int.MaxValue));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<PushFaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Rule)];
            }
        }
    }

    public PushFaultRule? Decide(string provider, string token)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, left) = _rules[i];
                if (left <= 0 || (rule.Token is not null && rule.Token != token) || (rule.Provider is not null && rule.Provider != provider))
                {
                    continue;
                }

                if (rule.Percent is { } percent && random.NextDouble() * 100 >= percent)
                {
                    return null;
                }

                _rules[i] = (rule, left - 1);
                return rule;
            }

            return null;
        }
    }
}
