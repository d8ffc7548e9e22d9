using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Tile: each dim multiplied by its repeat count.</summary>
internal sealed class TileShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Tile" };

    public void Infer(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        var repeats = context.RequireValue(1).ToIntegers();
        if (repeats.Length != shape.Rank || repeats.Any(r => r < 0))
        {
            throw context.Invalid($"repeats [{UserText.Quote(string.Join(", ", repeats))}] do not fit {shape}");
        }

        var output = new TensorShape(shape.Select((d, i) =>
            d.IsKnown ? Dim.Of(checked(d.Value * repeats[i])) : repeats[i] == 1 ? d : context.NewDim("tile")));
        TensorValue? value = null;
        if (context.InputValue(0) is { } v)
        {
            var strides = ValueMath.Strides(v.Dims);
            value = ValueMath.Select(v.ElementType, output.ToSizes(), new[] { v },
                index => (0, index.Select((x, k) => x % v.Dims[k] * strides[k]).Sum()));
        }

        context.SetOutput(0, context.RequireType(0).ElementType, output, value);
    }
}
