namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft Range, the legacy contrib form of ONNX Range: the same sequence
/// (<see cref="RangeShapeRule.Generate"/>), its delta (input 2) optional and 1 when absent.
/// </summary>
internal sealed class ContribRangeShapeRule : IShapeRule
{
    private const int Delta = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Range" };

    public void Infer(ShapeContext context)
    {
        var delta = context.HasInput(Delta)
            ? context.InputValue(Delta)
            : ValueMath.Create(context.RequireType(0).ElementType, Array.Empty<long>(), _ => 1, _ => 1);
        RangeShapeRule.Generate(context, delta);
    }
}
