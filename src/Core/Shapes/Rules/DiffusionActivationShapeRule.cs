using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The Stable Diffusion fusions of ONNX Runtime's transformer optimizer. BiasSplitGelu: X (N, S, D) plus a bias (D),
/// split in two halves along D, the first times Gelu of the second, gives (N, S, D/2). GemmFastGelu: FastGelu of
/// <c>X · W (+ bias)</c>, the MatMul's shape (numpy semantics, as <see cref="MatMulShapeRule"/>).
/// </summary>
internal sealed class DiffusionActivationShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "BiasSplitGelu", "GemmFastGelu" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var x = context.RequireShape(0);
        if (context.Node.OpType == "GemmFastGelu")
        {
            context.SetOutput(0, type.ElementType, MatMulShapeRule.Multiply(context, x, context.RequireShape(1)));
            return;
        }

        var bias = context.RequireShape(1);
        if (x.Rank != 3 || bias.Rank != 1)
        {
            throw context.Invalid($"input {x} must be (N, S, D) and bias {bias} (D)");
        }

        var width = x[2].IsKnown ? x[2] : bias[0];
        if (width.IsKnown && (width.Value % 2 != 0 || (bias[0].IsKnown && bias[0].Value != width.Value)))
        {
            throw context.Invalid($"input {x} and bias {bias} must share an even last dim D to split in two halves");
        }

        context.SetOutput(0, type.ElementType, ShapeMath.Replace(x, 2, width.IsKnown ? Dim.Of(width.Value / 2) : context.NewDim("half")));
    }
}
