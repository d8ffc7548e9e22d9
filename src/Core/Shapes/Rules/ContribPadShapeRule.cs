namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft Pad, the legacy contrib form of ONNX Pad 11: the pads [begin..., end...] are input 1, a 1-D
/// tensor of 2·rank values or a (1, 2·rank) one, applied to every axis (<see cref="PadShapeRule.Pad"/>).
/// </summary>
internal sealed class ContribPadShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Pad" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        PadShapeRule.Pad(context, shape, context.RequireValue(1).ToIntegers(), Enumerable.Range(0, shape.Rank).ToArray());
    }
}
