using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Reduce* operators. Axes are an attribute before opset 13 (ReduceSum) or 18 (the others) and an
/// input from then on; no axes reduce everything unless noop_with_empty_axes is set.
/// </summary>
internal sealed class ReduceShapeRule : IShapeRule
{
    private static readonly Dictionary<string, Func<double, double, double>?> Folds = new(StringComparer.Ordinal)
    {
        ["ReduceSum"] = (a, b) => a + b,
        ["ReduceProd"] = (a, b) => a * b,
        ["ReduceMax"] = Math.Max,
        ["ReduceMin"] = Math.Min,
        ["ReduceMean"] = null,
        ["ReduceL1"] = null,
        ["ReduceL2"] = null,
        ["ReduceLogSum"] = null,
        ["ReduceLogSumExp"] = null,
        ["ReduceSumSquare"] = null,
    };

    public IReadOnlyCollection<string> OpTypes { get; } = Folds.Keys.ToArray();

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var shape = context.RequireShape(0);
        long inputSince = context.Node.OpType == "ReduceSum" ? 13 : 18;
        var axes = ShapeMath.AttributeOrInput(context, "axes", 1, inputSince) ?? Array.Empty<long>();
        bool keepDims = context.Attributes.GetInt("keepdims", 1) != 0;
        if (axes.Length == 0)
        {
            if (context.Opset >= inputSince && context.Attributes.GetInt("noop_with_empty_axes", 0) != 0)
            {
                context.SetOutput(0, type, context.InputValue(0));
                return;
            }

            axes = Enumerable.Range(0, shape.Rank).Select(i => (long)i).ToArray();
        }

        var reduced = ShapeMath.Axes(context, axes, shape.Rank).ToHashSet();
        var output = Reduced(shape, reduced, keepDims);
        var fold = Folds[context.Node.OpType];
        var value = fold is null || context.InputValue(0) is not { } input ? null : Reduce(input, reduced, output, fold);
        context.SetOutput(0, type.ElementType, output, value);
    }

    /// <summary><paramref name="shape"/> without the <paramref name="axes"/>, or with them as 1 when <paramref name="keepDims"/>.</summary>
    public static TensorShape Reduced(TensorShape shape, ISet<int> axes, bool keepDims) =>
        new(Enumerable.Range(0, shape.Rank).Where(i => keepDims || !axes.Contains(i)).Select(i => axes.Contains(i) ? Dim.Of(1) : shape[i]));

    private static TensorValue? Reduce(TensorValue input, HashSet<int> axes, TensorShape output, Func<double, double, double> fold)
    {
        var outDims = output.ToSizes();
        var keptStrides = ValueMath.Strides(input.Dims.Select((d, i) => axes.Contains(i) ? 1 : d).ToArray());
        var results = new double?[ValueMath.Count(outDims)];
        var index = new long[input.Dims.Count];
        for (int flat = 0; flat < input.Length; flat++)
        {
            long target = 0;
            for (int k = 0; k < index.Length; k++)
            {
                target += axes.Contains(k) ? 0 : index[k] * keptStrides[k];
            }

            var x = input.RealAt(flat);
            results[target] = results[target] is { } acc ? fold(acc, x) : x;
            ValueMath.Increment(index, input.Dims);
        }

        if (results.Any(r => r is null))
        {
            return null; // reducing an empty axis: identity elements differ per operator
        }

        return ValueMath.Create(input.ElementType, outDims, i => (long)results[i]!.Value, i => results[i]!.Value);
    }
}
