using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Gather: data[:axis] + indices.shape + data[axis+1:]; negative indices count from the end.</summary>
internal sealed class GatherShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Gather" };

    public void Infer(ShapeContext context)
    {
        var data = context.RequireShape(0);
        var indices = context.RequireShape(1);
        if (data.Rank == 0)
        {
            throw context.Invalid("cannot gather from a scalar");
        }

        int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", 0), data.Rank);
        var output = new TensorShape(data.Take(axis).Concat(indices).Concat(data.Skip(axis + 1)));
        context.SetOutput(0, context.RequireType(0).ElementType, output, Value(context, axis, output));
    }

    private static TensorValue? Value(ShapeContext context, int axis, TensorShape output)
    {
        if (context.InputValue(0) is not { } data || context.InputValue(1) is not { } indices)
        {
            return null;
        }

        long size = data.Dims[axis];
        var positions = indices.ToIntegers().Select(i => i < 0 ? i + size : i).ToArray();
        if (positions.Any(p => p < 0 || p >= size))
        {
            throw context.Invalid($"an index in [{UserText.Quote(string.Join(", ", indices.ToIntegers()))}] is out of range for dim {axis} of size {size}");
        }

        var strides = ValueMath.Strides(data.Dims);
        var indexStrides = ValueMath.Strides(indices.Dims);
        int q = indices.Dims.Count;
        return ValueMath.Select(data.ElementType, output.ToSizes(), new[] { data }, index =>
        {
            long flat = 0;
            for (int k = 0; k < axis; k++)
            {
                flat += index[k] * strides[k];
            }

            long which = 0;
            for (int k = 0; k < q; k++)
            {
                which += index[axis + k] * indexStrides[k];
            }

            flat += positions[which] * strides[axis];
            for (int k = axis + 1; k < data.Dims.Count; k++)
            {
                flat += index[k + q - 1] * strides[k];
            }

            return (0, flat);
        });
    }
}
