using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Range(start, limit, delta): max(ceil((limit - start) / delta), 0) elements of start's type.</summary>
internal sealed class RangeShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Range" };

    public void Infer(ShapeContext context)
    {
        Generate(context, context.InputValue(2));
    }

    /// <summary>Sets output 0 to the range from input 0 to input 1 by <paramref name="delta"/>, of unknown length when a value is unknown.</summary>
    public static void Generate(ShapeContext context, TensorValue? delta)
    {
        var elementType = context.RequireType(0).ElementType;
        var start = context.InputValue(0);
        var limit = context.InputValue(1);
        if (start is not { Length: 1 } || limit is not { Length: 1 } || delta is not { Length: 1 })
        {
            context.SetOutput(0, elementType, new TensorShape(new[] { context.NewDim("range") }));
            return;
        }

        if (delta.RealAt(0) == 0)
        {
            throw context.Invalid("delta is 0");
        }

        long count;
        if (start.IsInteger && limit.IsInteger && delta.IsInteger)
        {
            long span = checked(limit.Integers![0] - start.Integers![0]);
            long step = delta.Integers![0];
            count = Math.Max(0, (span / step) + (span % step != 0 && (span > 0) == (step > 0) ? 1 : 0));
        }
        else
        {
            count = (long)Math.Max(0, Math.Ceiling((limit.RealAt(0) - start.RealAt(0)) / delta.RealAt(0)));
        }

        var dims = new[] { count };
        var value = ValueMath.Fits(dims)
            ? ValueMath.Create(elementType, dims, i => start.IntegerAt(0) + (i * delta.IntegerAt(0)), i => start.RealAt(0) + (i * delta.RealAt(0)))
            : null;
        context.SetOutput(0, elementType, TensorShape.Of(count), value);
    }
}
