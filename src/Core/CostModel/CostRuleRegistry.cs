using EfficiencyMisnomer.Operators;

namespace EfficiencyMisnomer.CostModel;

/// <summary>The cost rules known to the engine, by domain and operator type.</summary>
public sealed class CostRuleRegistry : OperatorRuleRegistry<ICostRule>
{
    public CostRuleRegistry(IEnumerable<ICostRule> rules)
        : base(rules)
    {
    }

    /// <summary>Every cost rule of this assembly.</summary>
    public static CostRuleRegistry Default { get; } = new(Discover());
}
