using System.Reflection;

namespace EfficiencyMisnomer.Operators;

/// <summary>
/// Rules of one kind (shape or cost) by domain and operator type. The default registries hold every
/// rule class of this assembly, found by reflection, so adding an operator is adding a file.
/// </summary>
public abstract class OperatorRuleRegistry<TRule>
    where TRule : class, IOperatorRule
{
    private readonly Dictionary<(string Domain, string OpType), TRule> rules = new();

    protected OperatorRuleRegistry(IEnumerable<TRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            foreach (var opType in rule.OpTypes)
            {
                var key = (NormalizeDomain(rule.Domain), opType);
                if (!this.rules.TryAdd(key, rule))
                {
                    // Two rules for one operator: which one applied would depend on discovery order, so it is a defect.
                    throw new InvalidOperationException(
                        $"{this.rules[key].GetType().Name} and {rule.GetType().Name} are both rules for {(key.Item1.Length == 0 ? "ai.onnx" : key.Item1)}.{opType}; keep one");
                }
            }
        }
    }

    public IEnumerable<(string Domain, string OpType)> Operators => rules.Keys;

    public TRule? Find(string domain, string opType) =>
        rules.TryGetValue((NormalizeDomain(domain), opType), out var rule) ? rule : null;

    /// <summary><c>ai.onnx</c> and the empty string name the same, default domain.</summary>
    private static string NormalizeDomain(string domain) => domain == "ai.onnx" ? string.Empty : domain;

    /// <summary>Every rule class of this assembly implementing <typeparamref name="TRule"/>.</summary>
    internal static IEnumerable<TRule> Discover() => typeof(OperatorRuleRegistry<TRule>).Assembly.GetTypes()
        .Where(t => typeof(TRule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
            && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (TRule)Activator.CreateInstance(t, nonPublic: true)!);
}
