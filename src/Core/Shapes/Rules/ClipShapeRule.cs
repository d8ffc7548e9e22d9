using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Clip: bounds are attributes before opset 11 and optional inputs from it.</summary>
internal sealed class ClipShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Clip" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type, Clipped(context));
    }

    private static TensorValue? Clipped(ShapeContext context)
    {
        double min = double.NegativeInfinity, max = double.PositiveInfinity;
        if (context.Opset < 11)
        {
            min = context.Attributes.GetFloat("min", float.MinValue);
            max = context.Attributes.GetFloat("max", float.MaxValue);
        }
        else
        {
            if (!Bound(context, 1, ref min) || !Bound(context, 2, ref max))
            {
                return null;
            }
        }

        return ValueMath.Map(context.InputValue(0),
            x => (long)Math.Min(Math.Max(x, min), max),
            x => Math.Min(Math.Max(x, min), max));
    }

    private static bool Bound(ShapeContext context, int input, ref double bound)
    {
        if (!context.HasInput(input))
        {
            return true;
        }

        if (context.InputValue(input) is not { Length: 1 } value)
        {
            return false;
        }

        bound = value.RealAt(0);
        return true;
    }
}
