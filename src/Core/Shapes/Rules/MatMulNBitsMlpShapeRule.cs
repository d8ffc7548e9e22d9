namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft MatMulNBitsMlp: Y = activation(A·gate) ⊙ (A·up) is A (…, K) with K replaced by the
/// <c>N</c> attribute; the optional residual sum (output 1) has A's shape. <c>activation</c> is required.
/// </summary>
internal sealed class MatMulNBitsMlpShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulNBitsMlp" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var a = QuantizedProjection.Input(context);
        var n = QuantizedProjection.Width(context, "N");
        if (!context.Attributes.Has("activation"))
        {
            throw context.Invalid("the required attribute activation is missing");
        }

        context.SetOutput(0, type.ElementType, QuantizedProjection.Project(a, n));
        context.SetOutput(1, type);
    }
}
