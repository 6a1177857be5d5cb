using AlpacaConnect.Sandbox.Matching;

namespace AlpacaConnect.Sandbox.Faults;

/// <summary>The active fault rules. Decisions draw from the seeded random source, so a run repeats exactly.</summary>
public sealed class FaultInjector(SandboxRandom random)
{
    private readonly Lock _sync = new();
    private readonly List<ActiveRule> _rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rule.Probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rule.Probability, 1.0);
        lock (_sync)
        {
            _rules.Add(new ActiveRule(rule, rule.Count));
        }
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_sync)
            {
                return _rules.Where(r => r.Remaining is null or > 0).Select(r => r.Rule).ToList();
            }
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _rules.Clear();
        }
    }

    /// <summary>Removes the rules for <paramref name="route"/> only.</summary>
    public void Clear(string route)
    {
        lock (_sync)
        {
            _rules.RemoveAll(r => r.Rule.Route == route);
        }
    }

    /// <summary>The fault for this request, if any; counts it against the rule.</summary>
    public FaultRule? Decide(string route, SandboxEnvironment? environment)
    {
        lock (_sync)
        {
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if (active.Remaining is <= 0 || (rule.Route != "*" && rule.Route != route) ||
                    (rule.Environment is not null && rule.Environment != environment))
                {
                    continue;
                }

                if (rule.Probability < 1.0 && random.NextDouble() >= rule.Probability)
                {
                    continue;
                }

                active.Remaining--;
                return rule;
            }

            return null;
        }
    }

    private sealed class ActiveRule(FaultRule rule, int? remaining)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;
    }
}
