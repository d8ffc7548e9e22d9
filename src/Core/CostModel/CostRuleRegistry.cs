using EfficiencyMisnomer.Shapes;

namespace EfficiencyMisnomer.CostModel;

/// <summary>The cost rules known to the engine, by domain and operator type.</summary>
public sealed class CostRuleRegistry
{
    private readonly Dictionary<(string Domain, string OpType), ICostRule> rules = new();

    public CostRuleRegistry(IEnumerable<ICostRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var opType in rule.OpTypes)
            {
                this.rules[(rule.Domain, opType)] = rule;
            }
        }
    }

    public static CostRuleRegistry Default { get; } = new(ShapeRuleRegistry.Discover<ICostRule>());

    public IEnumerable<(string Domain, string OpType)> Operators => rules.Keys;

    public ICostRule? Find(string domain, string opType) =>
        rules.TryGetValue((ShapeRuleRegistry.Normalize(domain), opType), out var rule) ? rule : null;
}
