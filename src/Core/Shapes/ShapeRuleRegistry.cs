using EfficiencyMisnomer.Operators;

namespace EfficiencyMisnomer.Shapes;

/// <summary>The shape rules known to the engine, by domain and operator type.</summary>
public sealed class ShapeRuleRegistry : OperatorRuleRegistry<IShapeRule>
{
    public ShapeRuleRegistry(IEnumerable<IShapeRule> rules)
        : base(rules)
    {
    }

    /// <summary>Every shape rule of this assembly.</summary>
    public static ShapeRuleRegistry Default { get; } = new(Discover());
}
