using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// The com.microsoft QLinear operators that ONNX Runtime's quantizer writes around QLinearConv and QLinearMatMul
/// (operator-oriented quantization): each takes its tensors with a scale and zero point each and gives the quantized
/// result in the first tensor's type. QLinearAdd and QLinearMul broadcast A (input 0) and B (input 3); QLinearWhere
/// broadcasts the condition (0), X (1) and Y (4), typed as X; QLinearSigmoid, QLinearLeakyRelu and QLinearSoftmax keep
/// X's shape; QLinearGlobalAveragePool gives (N, C, 1...) or, with <c>channels_last</c>, (N, 1..., C); QLinearAveragePool
/// slides its window over the spatial dimensions, channels first or last; QLinearConcat joins the tensors at inputs
/// 2, 5, 8, ... along <c>axis</c>; QLinearReduceMean reduces <c>axes</c>, keeping them as 1 with <c>keepdims</c>.
/// </summary>
internal sealed class QLinearShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "QLinearAdd", "QLinearMul", "QLinearWhere", "QLinearSigmoid", "QLinearLeakyRelu", "QLinearSoftmax",
        "QLinearGlobalAveragePool", "QLinearAveragePool", "QLinearConcat", "QLinearReduceMean",
    };

    public void Infer(ShapeContext context)
    {
        switch (context.Node.OpType)
        {
            case "QLinearAdd" or "QLinearMul":
                context.SetOutput(0, context.RequireType(0).ElementType, ShapeMath.Broadcast(context, context.RequireShape(0), context.RequireShape(3)));
                break;
            case "QLinearWhere":
                context.SetOutput(0, context.RequireType(1).ElementType,
                    ShapeMath.Broadcast(context, context.RequireShape(0), context.RequireShape(1), context.RequireShape(4)));
                break;
            case "QLinearGlobalAveragePool":
                GlobalPool(context);
                break;
            case "QLinearAveragePool":
                Pool(context);
                break;
            case "QLinearConcat":
                Concat(context);
                break;
            case "QLinearReduceMean":
                ReduceMean(context);
                break;
            default:
                context.SetOutput(0, context.RequireType(0).ElementType, context.RequireShape(0));
                break;
        }
    }

    private static bool ChannelsLast(ShapeContext context) => context.Attributes.GetInt("channels_last", 0) != 0;

    private static void GlobalPool(ShapeContext context)
    {
        var x = context.RequireShape(0);
        if (x.Rank < 3)
        {
            throw context.Invalid($"input {x} has no spatial dimensions");
        }

        var ones = Enumerable.Repeat(Dim.Of(1), x.Rank - 2);
        var dims = ChannelsLast(context) ? new[] { x[0] }.Concat(ones).Append(x[x.Rank - 1]) : new[] { x[0], x[1] }.Concat(ones);
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(dims));
    }

    private static void Pool(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var kernel = context.Attributes.GetInts("kernel_shape") ?? throw context.Invalid("kernel_shape is required");
        if (x.Rank != kernel.Length + 2)
        {
            throw context.Invalid($"kernel_shape has {kernel.Length} values for input {x}");
        }

        bool last = ChannelsLast(context);
        var spatial = last ? x.Skip(1).Take(kernel.Length).ToList() : x.Skip(2).ToList();
        var windows = WindowMath.Spatial(context, spatial, kernel, context.Attributes.GetInt("ceil_mode", 0) != 0);
        var dims = last ? new[] { x[0] }.Concat(windows).Append(x[x.Rank - 1]) : new[] { x[0], x[1] }.Concat(windows);
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(dims));
    }

    private static void Concat(ShapeContext context)
    {
        var parts = Enumerable.Range(0, (context.InputCount - 2) / 3).Select(i => context.RequireShape(2 + (3 * i))).ToList();
        if (parts.Count == 0)
        {
            throw context.Invalid("no tensors to join: inputs come as Y_scale, Y_zero_point, then (X, X_scale, X_zero_point) per tensor");
        }

        var rank = parts[0].Rank;
        if (parts.Any(p => p.Rank != rank))
        {
            throw context.Invalid($"the tensors {string.Join(", ", parts)} differ in rank");
        }

        var axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", 0), rank);
        var joined = parts.Skip(1).Aggregate(parts[0][axis], (sum, p) => AttentionMath.Sum(context, sum, p[axis]));
        context.SetOutput(0, context.RequireType(2).ElementType, ShapeMath.Replace(parts[0], axis, joined));
    }

    private static void ReduceMean(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var axes = context.Attributes.GetInts("axes") is { Length: > 0 } given
            ? ShapeMath.Axes(context, given, x.Rank).ToHashSet()
            : Enumerable.Range(0, x.Rank).ToHashSet();
        bool keep = context.Attributes.GetInt("keepdims", 1) != 0;
        context.SetOutput(0, context.RequireType(0).ElementType, ReduceShapeRule.Reduced(x, axes, keep));
    }
}
