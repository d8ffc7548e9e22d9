using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GatherBlockQuantized: <c>data[:gather_axis] + indices.shape + data[gather_axis+1:]</c> in the
/// scales' type. Data packed into uint8 holds <c>8 / bits</c> values per byte along its last dim (the
/// quantize axis), so that dim is unpacked in the output.
/// </summary>
internal sealed class GatherBlockQuantizedShapeRule : IShapeRule
{
    private const int DefaultBits = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatherBlockQuantized" };

    public void Infer(ShapeContext context)
    {
        var dataType = context.RequireType(0);
        var data = context.RequireShape(0);
        var indices = context.RequireShape(1);
        if (data.Rank == 0)
        {
            throw context.Invalid("cannot gather from a scalar");
        }

        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("gather_axis", 0), data.Rank);
        var bits = context.Attributes.GetInt("bits", DefaultBits);
        var last = data[data.Rank - 1];
        if (dataType.ElementType == ElementType.UInt8 && bits is > 0 and < 8)
        {
            last = last.IsKnown ? Dim.Of(checked(last.Value * (8 / bits))) : context.NewDim("unpacked");
        }

        var unpacked = ShapeMath.Replace(data, data.Rank - 1, last);
        var output = new TensorShape(unpacked.Take(axis).Concat(indices).Concat(unpacked.Skip(axis + 1)));
        context.SetOutput(0, context.InputType(2)?.ElementType ?? ElementType.Float, output);
    }
}
