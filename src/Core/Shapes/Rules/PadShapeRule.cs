using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Pad: pads [begin..., end...] are an attribute before opset 11 and an input from it; from opset 18
/// an axes input says which dims the pads apply to. Negative pads crop.
/// </summary>
internal sealed class PadShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Pad" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var pads = context.Opset >= 11
            ? context.RequireValue(1).ToIntegers()
            : context.Attributes.GetInts("pads") ?? context.Attributes.GetInts("paddings") ?? throw context.Invalid("pads are required");
        var axes = context.Opset >= 18 && context.HasInput(3)
            ? ShapeMath.Axes(context, context.RequireValue(3).ToIntegers(), shape.Rank)
            : Enumerable.Range(0, shape.Rank).ToArray();
        Pad(context, shape, pads, axes);
    }

    /// <summary>Sets output 0 to <paramref name="shape"/> padded by [begin..., end...] <paramref name="pads"/> on <paramref name="axes"/>.</summary>
    public static void Pad(ShapeContext context, TensorShape shape, long[] pads, int[] axes)
    {
        if (pads.Length != 2 * axes.Length)
        {
            throw context.Invalid($"{pads.Length} pads for {axes.Length} axes; expected twice as many");
        }

        var dims = shape.ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            var dim = dims[axes[i]];
            long change = checked(pads[i] + pads[i + axes.Length]);
            if (!dim.IsKnown)
            {
                dims[axes[i]] = change == 0 ? dim : context.NewDim("pad");
                continue;
            }

            long size = checked(dim.Value + change);
            dims[axes[i]] = size >= 0 ? Dim.Of(size) : throw context.Invalid($"pads crop dim {axes[i]} of {shape} below zero");
        }

        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(dims));
    }
}
