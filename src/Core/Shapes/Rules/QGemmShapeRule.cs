using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft QGemm: the <see cref="GemmShapeRule.Product"/> of A (input 0) and B (input 3), quantized to
/// y_zero_point's type (uint8 without one) when y_scale (input 7) is given, else float.
/// </summary>
internal sealed class QGemmShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QGemm" };

    public void Infer(ShapeContext context)
    {
        var type = !context.HasInput(7) ? ElementType.Float : context.InputType(8)?.ElementType ?? ElementType.UInt8;
        context.SetOutput(0, type, GemmShapeRule.Product(context, context.RequireShape(0), context.RequireShape(3)));
    }
}
