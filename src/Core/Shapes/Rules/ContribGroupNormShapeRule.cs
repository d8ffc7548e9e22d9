namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft GroupNorm and SkipGroupNorm: Y, and SkipGroupNorm's optional sum S, have X's type and shape.</summary>
internal sealed class ContribGroupNormShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GroupNorm", "SkipGroupNorm" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type);
        context.SetOutput(1, type);
    }
}
