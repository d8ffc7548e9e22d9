using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// Broadcasting arithmetic (Add, Mul, Div, Pow, Max, Sum, ...): the inputs broadcast and the output keeps
/// the first input's type. Values are computed for small known tensors; integer division truncates toward zero.
/// </summary>
internal sealed class ArithmeticShapeRule : IShapeRule
{
    private static readonly Dictionary<string, (Func<long[], long>? Integer, Func<double[], double>? Real)> Ops = new(StringComparer.Ordinal)
    {
        ["Add"] = (v => unchecked(v[0] + v[1]), v => v[0] + v[1]),
        ["Sub"] = (v => unchecked(v[0] - v[1]), v => v[0] - v[1]),
        ["Mul"] = (v => unchecked(v[0] * v[1]), v => v[0] * v[1]),
        ["Div"] = (v => unchecked(v[0] / v[1]), v => v[0] / v[1]),
        ["Pow"] = (v => (long)Math.Pow(v[0], v[1]), v => Math.Pow(v[0], v[1])),
        ["Max"] = (v => v.Max(), v => v.Max()),
        ["Min"] = (v => v.Min(), v => v.Min()),
        ["Sum"] = (v => unchecked(v.Sum()), v => v.Sum()),
        ["Mean"] = (null, v => v.Average()),
        ["PRelu"] = (v => v[0] < 0 ? unchecked(v[0] * v[1]) : v[0], v => v[0] < 0 ? v[0] * v[1] : v[0]),
        ["BitwiseAnd"] = (v => v[0] & v[1], null),
        ["BitwiseOr"] = (v => v[0] | v[1], null),
        ["BitwiseXor"] = (v => v[0] ^ v[1], null),
        ["Mod"] = (null, null),
        ["BitShift"] = (null, null),
    };

    public IReadOnlyCollection<string> OpTypes { get; } = Ops.Keys.ToArray();

    public void Infer(ShapeContext context)
    {
        if (context.InputCount == 0)
        {
            throw context.Invalid("no inputs");
        }

        var shapes = Enumerable.Range(0, context.InputCount).Select(context.RequireShape).ToArray();
        var elementType = context.RequireType(0).ElementType;
        var shape = ShapeMath.Broadcast(context, shapes);
        var (integer, real) = Function(context);
        var values = Enumerable.Range(0, context.InputCount).Select(context.InputValue).ToArray();
        context.SetOutput(0, elementType, shape, Value(values, elementType, integer, real));
    }

    /// <summary>An integer division by zero (or MinValue / -1) fails at run time, not here: the shape is still known, the value is not.</summary>
    private static TensorValue? Value(TensorValue?[] values, ElementType elementType, Func<long[], long>? integer, Func<double[], double>? real)
    {
        try
        {
            return ValueMath.Broadcast(values, elementType, integer, real);
        }
        catch (ArithmeticException)
        {
            return null;
        }
    }

    private static (Func<long[], long>? Integer, Func<double[], double>? Real) Function(ShapeContext context)
    {
        switch (context.Node.OpType)
        {
            case "Mod" when context.Attributes.GetInt("fmod", 0) == 1:
                return (v => v[1] == 0 ? 0 : v[0] % v[1], v => v[0] % v[1]);
            case "Mod":
                // Integer Mod without fmod takes the divisor's sign, like Python's %.
                return (v => v[1] == 0 ? 0 : ((v[0] % v[1]) + v[1]) % v[1], null);
            case "BitShift":
                bool left = context.Attributes.GetString("direction", "") == "LEFT";
                return (v => left ? v[0] << (int)v[1] : (long)((ulong)v[0] >> (int)v[1]), null);
            default:
                return Ops[context.Node.OpType];
        }
    }
}
