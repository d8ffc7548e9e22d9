using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Comparisons and logical operators: broadcast inputs, bool output, values for small known tensors.</summary>
internal sealed class ComparisonShapeRule : IShapeRule
{
    private static readonly Dictionary<string, Func<double, double, bool>> Ops = new(StringComparer.Ordinal)
    {
        ["Equal"] = (a, b) => a == b,
        ["Less"] = (a, b) => a < b,
        ["Greater"] = (a, b) => a > b,
        ["LessOrEqual"] = (a, b) => a <= b,
        ["GreaterOrEqual"] = (a, b) => a >= b,
        ["And"] = (a, b) => a != 0 && b != 0,
        ["Or"] = (a, b) => a != 0 || b != 0,
        ["Xor"] = (a, b) => (a != 0) != (b != 0),
    };

    public IReadOnlyCollection<string> OpTypes { get; } = Ops.Keys.ToArray();

    public void Infer(ShapeContext context)
    {
        var shape = ShapeMath.Broadcast(context, context.RequireShape(0), context.RequireShape(1));
        var op = Ops[context.Node.OpType];
        var value = ValueMath.Broadcast(new[] { context.InputValue(0), context.InputValue(1) }, ElementType.Bool,
            v => op(v[0], v[1]) ? 1 : 0, v => op(v[0], v[1]) ? 1 : 0);
        context.SetOutput(0, ElementType.Bool, shape, value);
    }
}
