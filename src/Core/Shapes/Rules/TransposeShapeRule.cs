using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Transpose: output dim i is input dim perm[i]; perm defaults to reversing the dims.</summary>
internal sealed class TransposeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Transpose" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var perm = context.Attributes.GetInts("perm") is { Length: > 0 } given
            ? given
            : Enumerable.Range(0, shape.Rank).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != shape.Rank)
        {
            throw context.Invalid($"perm [{UserText.Quote(string.Join(", ", perm))}] does not match rank {shape.Rank}");
        }

        var axes = ShapeMath.Axes(context, perm, shape.Rank);
        var output = new TensorShape(axes.Select(a => shape[a]));
        TensorValue? value = null;
        if (context.InputValue(0) is { } v)
        {
            var strides = ValueMath.Strides(v.Dims);
            value = ValueMath.Select(v.ElementType, output.ToSizes(), new[] { v },
                index => (0, index.Select((x, i) => x * strides[axes[i]]).Sum()));
        }

        context.SetOutput(0, context.RequireType(0).ElementType, output, value);
    }
}
