using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Concat: dims along axis add up, the others must agree.</summary>
internal sealed class ConcatShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Concat" };

    public void Infer(ShapeContext context)
    {
        var shapes = Enumerable.Range(0, context.InputCount).Where(context.HasInput).Select(context.RequireShape).ToList();
        if (shapes.Count == 0)
        {
            throw context.Invalid("no inputs");
        }

        int rank = shapes[0].Rank;
        int axis = ShapeMath.Axis(context, context.Attributes.GetIntOrNull("axis") ?? throw context.Invalid("axis is required"), rank);
        var dims = shapes[0].ToArray();
        foreach (var shape in shapes.Skip(1))
        {
            if (shape.Rank != rank)
            {
                throw context.Invalid($"inputs of ranks {rank} and {shape.Rank} cannot be concatenated");
            }

            for (int i = 0; i < rank; i++)
            {
                dims[i] = i == axis ? Add(context, dims[i], shape[i]) : Agree(context, dims[i], shape[i], i);
            }
        }

        var output = new TensorShape(dims);
        context.SetOutput(0, context.RequireType(0).ElementType, output, Value(context, axis, output));
    }

    private static Dim Add(ShapeContext context, Dim a, Dim b) =>
        a.IsKnown && b.IsKnown ? Dim.Of(checked(a.Value + b.Value)) : context.NewDim("concat");

    private static Dim Agree(ShapeContext context, Dim a, Dim b, int axis)
    {
        if (a.IsKnown && b.IsKnown && a.Value != b.Value)
        {
            throw context.Invalid($"inputs differ in dim {axis} ({a.Value} vs {b.Value}) outside the concatenation axis");
        }

        return a.IsKnown ? a : b;
    }

    private static TensorValue? Value(ShapeContext context, int axis, TensorShape output)
    {
        var values = Enumerable.Range(0, context.InputCount).Where(context.HasInput).Select(context.InputValue).ToList();
        if (values.Any(v => v is null) || !output.IsFullyKnown)
        {
            return null;
        }

        var sources = values.Select(v => v!).ToList();
        var starts = new long[sources.Count];
        for (int s = 1; s < sources.Count; s++)
        {
            starts[s] = starts[s - 1] + sources[s - 1].Dims[axis];
        }

        var strides = sources.Select(s => ValueMath.Strides(s.Dims)).ToList();
        return ValueMath.Select(context.RequireType(0).ElementType, output.ToSizes(), sources, index =>
        {
            int source = 0;
            while (index[axis] >= starts[source] + sources[source].Dims[axis])
            {
                source++;
            }

            var local = (long[])index.Clone();
            local[axis] -= starts[source];
            return (source, ValueMath.Flat(local, strides[source]));
        });
    }
}
