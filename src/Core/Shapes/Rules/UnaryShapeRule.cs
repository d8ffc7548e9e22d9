namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Elementwise operators (and same-shape ones like Softmax) whose output has the input's type and shape.</summary>
internal sealed class UnaryShapeRule : IShapeRule
{
    private static readonly Dictionary<string, (Func<long, long>? Integer, Func<double, double>? Real)> Computed = new(StringComparer.Ordinal)
    {
        ["Identity"] = (x => x, x => x),
        ["Neg"] = (x => unchecked(-x), x => -x),
        ["Abs"] = (x => x < 0 ? unchecked(-x) : x, Math.Abs),
        ["Floor"] = (null, Math.Floor),
        ["Ceil"] = (null, Math.Ceiling),
        ["Round"] = (null, x => Math.Round(x, MidpointRounding.ToEven)),
        ["Sqrt"] = (null, Math.Sqrt),
        ["Relu"] = (x => Math.Max(x, 0), x => Math.Max(x, 0)),
        ["Sign"] = (x => Math.Sign(x), x => double.IsNaN(x) ? x : Math.Sign(x)),
        ["Reciprocal"] = (null, x => 1 / x),
        ["Not"] = (x => x == 0 ? 1 : 0, null),
        ["BitwiseNot"] = (x => ~x, null),
    };

    private static readonly string[] ShapeOnly =
    {
        "Sigmoid", "Tanh", "Erf", "Exp", "Log", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh",
        "Asinh", "Acosh", "Atanh", "HardSigmoid", "HardSwish", "LeakyRelu", "Elu", "Selu", "Celu", "Gelu",
        "Softplus", "Softsign", "Mish", "Swish", "ThresholdedRelu", "Softmax", "LogSoftmax", "Hardmax", "LRN",
        "LpNormalization", "MeanVarianceNormalization", "CumSum", "Shrink", "Trilu",
    };

    public IReadOnlyCollection<string> OpTypes { get; } = Computed.Keys.Concat(ShapeOnly).ToArray();

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var value = Computed.TryGetValue(context.Node.OpType, out var f) ? ValueMath.Map(context.InputValue(0), f.Integer, f.Real) : null;
        context.SetOutput(0, type, value);
    }
}
