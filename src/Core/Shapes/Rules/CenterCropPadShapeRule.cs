using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// CenterCropPad (opset 18): the input cropped or padded about its centre to <c>shape</c>'s sizes along
/// <c>axes</c> (every dim when absent, one size per axis); the other dims are kept.
/// </summary>
internal sealed class CenterCropPadShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "CenterCropPad" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var input = context.RequireShape(0);
        var sizes = ShapeMath.Sizes(context, context.RequireValue(1), "shape");
        var axes = context.Attributes.GetInts("axes") is { } declared ? ShapeMath.Axes(context, declared, input.Rank) : Enumerable.Range(0, input.Rank).ToArray();
        if (sizes.Length != axes.Length)
        {
            throw context.Invalid($"shape [{string.Join(", ", sizes)}] gives {sizes.Length} sizes for {axes.Length} axes");
        }

        var dims = input.ToList();
        for (var i = 0; i < axes.Length; i++)
        {
            dims[axes[i]] = sizes[i] >= 0 ? Dim.Of(sizes[i]) : throw context.Invalid($"size {sizes[i]} is negative");
        }

        context.SetOutput(0, type.ElementType, new TensorShape(dims));
    }
}
