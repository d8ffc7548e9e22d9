namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Scatter, ScatterElements and ScatterND write into a copy of the data: same type and shape.</summary>
internal sealed class ScatterShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Scatter", "ScatterElements", "ScatterND" };

    public void Infer(ShapeContext context) => context.SetOutput(0, context.RequireType(0));
}
