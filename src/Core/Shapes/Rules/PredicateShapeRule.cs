using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>IsNaN and IsInf: a bool per element.</summary>
internal sealed class PredicateShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "IsNaN", "IsInf" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type with { ElementType = ElementType.Bool });
    }
}
