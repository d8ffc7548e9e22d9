using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Shape arithmetic shared by the rules: broadcasting, axes, attribute-or-input reading.</summary>
internal static class ShapeMath
{
    /// <summary>Numpy (multidirectional) broadcasting; a symbol against a known size other than 1 takes the size.</summary>
    public static TensorShape Broadcast(ShapeContext context, IReadOnlyList<TensorShape> shapes)
    {
        int rank = shapes.Count == 0 ? 0 : shapes.Max(s => s.Rank);
        var dims = new Dim[rank];
        for (int i = 0; i < rank; i++)
        {
            Dim? result = null;
            foreach (var shape in shapes)
            {
                int index = i - (rank - shape.Rank);
                if (index < 0)
                {
                    continue;
                }

                result = result is { } current ? BroadcastDim(context, current, shape[index]) : shape[index];
            }

            dims[i] = result ?? Dim.Of(1);
        }

        return new TensorShape(dims);
    }

    public static TensorShape Broadcast(ShapeContext context, params TensorShape[] shapes) =>
        Broadcast(context, (IReadOnlyList<TensorShape>)shapes);

    private static Dim BroadcastDim(ShapeContext context, Dim a, Dim b)
    {
        if (a.IsKnown && b.IsKnown)
        {
            if (a.Value == b.Value || b.Value == 1)
            {
                return a;
            }

            return a.Value == 1 ? b : throw context.Invalid($"dimensions {a.Value} and {b.Value} cannot be broadcast together");
        }

        if (a == b || (b.IsKnown && b.Value == 1))
        {
            return a;
        }

        if (a.IsKnown && a.Value == 1)
        {
            return b;
        }

        // A symbol against a size other than 1 must be that size at run time, or the model fails there.
        return a.IsKnown ? a : b.IsKnown ? b : context.NewDim("broadcast");
    }

    /// <summary>A string attribute that must be one of <paramref name="allowed"/>, the first being its default.</summary>
    public static string Choice(ShapeContext context, string attribute, string[] allowed)
    {
        var value = context.Attributes.GetString(attribute, allowed[0]);
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw context.Invalid($"{attribute} '{UserText.Quote(value)}' is not one of {string.Join(", ", allowed)}");
        }

        return value;
    }

    /// <summary>An axis in [-rank, rank) made non-negative.</summary>
    public static int Axis(ShapeContext context, long axis, int rank)
    {
        if (axis < -rank || axis >= rank)
        {
            throw context.Invalid($"axis {axis} is out of range for rank {rank}");
        }

        return (int)(axis < 0 ? axis + rank : axis);
    }

    /// <summary>Several axes, made non-negative; repeats are a contradiction.</summary>
    public static int[] Axes(ShapeContext context, IEnumerable<long> axes, int rank)
    {
        var result = axes.Select(a => Axis(context, a, rank)).ToArray();
        if (result.Distinct().Count() != result.Length)
        {
            throw context.Invalid($"axes [{UserText.Quote(string.Join(", ", result))}] repeat an axis");
        }

        return result;
    }

    /// <summary>
    /// Integers that older opsets take as an attribute and newer ones as an input; null when absent.
    /// From <paramref name="inputSince"/> on, a present input whose value is unknown stops the rule.
    /// </summary>
    public static long[]? AttributeOrInput(ShapeContext context, string attribute, int input, long inputSince)
    {
        if (context.Opset >= inputSince)
        {
            return context.HasInput(input) ? context.RequireValue(input).ToIntegers() : null;
        }

        return context.Attributes.GetInts(attribute);
    }

    /// <summary>The shape named by a 1-D integer tensor (Expand, ConstantOfShape, Reshape targets).</summary>
    public static long[] Sizes(ShapeContext context, TensorValue value, string what)
    {
        if (value.Dims.Count > 1)
        {
            throw context.Invalid($"{what} must be a 1-D tensor, not of shape {value.Shape}");
        }

        return value.ToIntegers();
    }

    public static TensorShape Known(ShapeContext context, IEnumerable<long> sizes)
    {
        var dims = new List<Dim>();
        foreach (var size in sizes)
        {
            dims.Add(size >= 0 ? Dim.Of(size) : throw context.Invalid($"dimension {size} is negative"));
        }

        return new TensorShape(dims);
    }

    /// <summary>The product of some dims: known when all are, the dim itself for one symbol, else a fresh symbol.</summary>
    public static Dim Product(ShapeContext context, IReadOnlyList<Dim> dims, string hint)
    {
        if (dims.All(d => d.IsKnown))
        {
            return Dim.Of(dims.Aggregate(1L, (a, d) => checked(a * d.Value)));
        }

        var unknown = dims.Where(d => !d.IsKnown).ToList();
        return unknown.Count == 1 && dims.All(d => !d.IsKnown || d.Value == 1) ? unknown[0] : context.NewDim(hint);
    }

    /// <summary>Whether two dims are both known and not equal.</summary>
    public static bool Differ(Dim a, Dim b) => a.IsKnown && b.IsKnown && a.Value != b.Value;

    public static TensorShape Replace(TensorShape shape, int axis, Dim dim)
    {
        var dims = shape.ToArray();
        dims[axis] = dim;
        return new TensorShape(dims);
    }

    /// <summary>Whether values of this type are held as integers in a <see cref="TensorValue"/>.</summary>
    public static bool IsIntegral(ElementType type) => type.IsInteger() || type == ElementType.Bool;
}
