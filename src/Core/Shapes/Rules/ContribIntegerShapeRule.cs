using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The com.microsoft integer operators that accumulate in 32 bits: MatMulInteger16, the product of int16 or uint16
/// A and B (<see cref="MatMulShapeRule.Multiply"/>), uint32 when both are uint16, else int32; MulInteger, the
/// broadcast product of A (input 0) and B (input 2) less their zero points, int32; ReduceSumInteger, the sum of
/// int8 or uint8 data over the required <c>axes</c> (kept as 1 with the required <c>keepdims</c>), int32 or uint32.
/// </summary>
internal sealed class ContribIntegerShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulInteger16", "MulInteger", "ReduceSumInteger" };

    public void Infer(ShapeContext context)
    {
        switch (context.Node.OpType)
        {
            case "MatMulInteger16":
                var unsigned = context.RequireType(0).ElementType == ElementType.UInt16 && context.RequireType(1).ElementType == ElementType.UInt16;
                var product = MatMulShapeRule.Multiply(context, context.RequireShape(0), context.RequireShape(1));
                context.SetOutput(0, unsigned ? ElementType.UInt32 : ElementType.Int32, product);
                break;
            case "MulInteger":
                context.SetOutput(0, ElementType.Int32, ShapeMath.Broadcast(context, context.RequireShape(0), context.RequireShape(2)));
                break;
            default:
                ReduceSum(context);
                break;
        }
    }

    private static void ReduceSum(ShapeContext context)
    {
        var data = context.RequireShape(0);
        var axes = context.Attributes.GetInts("axes") ?? throw context.Invalid("axes are required");
        var keepDims = context.Attributes.GetIntOrNull("keepdims") ?? throw context.Invalid("keepdims is required");
        var sum = context.RequireType(0).ElementType == ElementType.UInt8 ? ElementType.UInt32 : ElementType.Int32;
        context.SetOutput(0, sum, ReduceShapeRule.Reduced(data, ShapeMath.Axes(context, axes, data.Rank).ToHashSet(), keepDims != 0));
    }
}
