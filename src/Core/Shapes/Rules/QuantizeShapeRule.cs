using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// QuantizeLinear (output type of the zero point, output_dtype, or uint8), DequantizeLinear (the scale's
/// type, float by default) and DynamicQuantizeLinear (uint8 data, float scale, uint8 zero point).
/// </summary>
internal sealed class QuantizeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        switch (context.Node.OpType)
        {
            case "QuantizeLinear":
                var outputType = context.InputType(2)?.ElementType
                    ?? (context.Attributes.GetInt("output_dtype", 0) == 0 ? ElementType.UInt8 : context.DataType("output_dtype", ElementType.UInt8));
                context.SetOutput(0, outputType, shape);
                break;
            case "DequantizeLinear":
                var scale = context.InputType(1)?.ElementType;
                context.SetOutput(0, scale is { } s && s.IsFloatingPoint() ? s : ElementType.Float, shape);
                break;
            default:
                context.SetOutput(0, ElementType.UInt8, shape);
                context.SetOutput(1, ElementType.Float, TensorShape.Scalar);
                context.SetOutput(2, ElementType.UInt8, TensorShape.Scalar);
                break;
        }
    }
}
