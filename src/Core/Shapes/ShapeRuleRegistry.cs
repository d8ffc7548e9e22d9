using System.Reflection;

namespace EfficiencyMisnomer.Shapes;

/// <summary>The shape rules known to the engine, by domain and operator type.</summary>
public sealed class ShapeRuleRegistry
{
    private readonly Dictionary<(string Domain, string OpType), IShapeRule> rules = new();

    public ShapeRuleRegistry(IEnumerable<IShapeRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var opType in rule.OpTypes)
            {
                this.rules[(rule.Domain, opType)] = rule;
            }
        }
    }

    /// <summary>Every rule of this assembly.</summary>
    public static ShapeRuleRegistry Default { get; } = new(Discover<IShapeRule>());

    public IShapeRule? Find(string domain, string opType) =>
        rules.TryGetValue((Normalize(domain), opType), out var rule) ? rule : null;

    internal static string Normalize(string domain) => domain == "ai.onnx" ? string.Empty : domain;

    internal static IEnumerable<T> Discover<T>() => typeof(ShapeRuleRegistry).Assembly.GetTypes()
        .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
            && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (T)Activator.CreateInstance(t, nonPublic: true)!);
}
