namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft QuantizeLinear and DequantizeLinear, which ONNX Runtime's quantizer writes for 16-bit and 4-bit
/// QDQ models: the ONNX operators' shapes and types (<see cref="QuantizeShapeRule"/>), the output taking the
/// zero point's type, or the scale's when dequantizing. A 1-D scale is per <c>axis</c> (default 1) and must have
/// that dim's length, which is checked because a mismatch means the model cannot run.
/// </summary>
internal sealed class ContribQuantizeShapeRule : IShapeRule
{
    private const int Scale = 1;
    private static readonly QuantizeShapeRule Quantize = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QuantizeLinear", "DequantizeLinear" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        if (context.InputType(Scale)?.Shape is { Rank: 1 } scale && scale[0] is { IsKnown: true, Value: > 1 } length
            && context.Attributes.GetInt("block_size", 0) == 0)
        {
            var axis = context.Attributes.GetInt("axis", 1);
            if (axis < -x.Rank || axis >= x.Rank)
            {
                throw context.Invalid($"axis {axis} is outside input {x}");
            }

            var dim = x[(int)(axis < 0 ? axis + x.Rank : axis)];
            if (dim.IsKnown && dim.Value != length.Value)
            {
                throw context.Invalid($"the scale has {length.Value} values but input {x} has {dim.Value} along axis {axis}");
            }
        }

        Quantize.Infer(context);
    }
}
