using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Type arithmetic of If, Loop and Scan: merging the types a value may take, stacking per-iteration outputs.</summary>
internal static class ControlFlowTypes
{
    /// <summary>
    /// The type of a value that is either <paramref name="a"/> or <paramref name="b"/> (the two branches of an
    /// If; a loop-carried value before and after the body): dims that agree are kept, dims that differ become
    /// a fresh symbol, and different ranks leave the rank unknown.
    /// </summary>
    public static TensorType? Merge(ShapeContext context, TensorType? a, TensorType? b, string hint)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        if (a.ElementType != b.ElementType)
        {
            throw context.Invalid($"'{hint}' is {a.ElementType} on one path and {b.ElementType} on the other");
        }

        if (a.Shape is null || b.Shape is null || a.Shape.Rank != b.Shape.Rank)
        {
            return a with { Shape = null };
        }

        var dims = a.Shape.Zip(b.Shape, (x, y) => x == y ? x : context.NewDim(hint));
        return a with { Shape = new TensorShape(dims) };
    }

    /// <summary>Per-iteration outputs stacked along <paramref name="axis"/> of the result (null: unknown rank).</summary>
    public static TensorType? Stack(TensorType? element, Func<int, int?> axis, Dim count)
    {
        if (element?.Shape is not { } shape)
        {
            return element;
        }

        if (axis(shape.Rank + 1) is not { } at)
        {
            return element with { Shape = null };
        }

        var dims = shape.ToList();
        dims.Insert(at, count);
        return element with { Shape = new TensorShape(dims) };
    }

    /// <summary>The type of one slice of <paramref name="type"/> along <paramref name="axis"/> (the element a Scan body sees).</summary>
    public static TensorType? Slice(TensorType? type, Func<int, int?> axis)
    {
        if (type?.Shape is not { } shape)
        {
            return type;
        }

        if (axis(shape.Rank) is not { } at)
        {
            return type with { Shape = null };
        }

        return type with { Shape = new TensorShape(shape.Where((_, i) => i != at)) };
    }
}
