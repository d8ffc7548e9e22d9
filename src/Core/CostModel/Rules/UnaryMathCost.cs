namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Single primitive functions: one FLOP per output element. Transcendental functions (Exp, Log, Erf,
/// Tanh, the trigonometric family) count as one FLOP like an add, the convention of fvcore and
/// most FLOP counters, so that counts do not depend on a math library's implementation.
/// </summary>
internal sealed class UnaryMathCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[]
    {
        "Abs", "Neg", "Sign", "Floor", "Ceil", "Round", "Reciprocal", "Sqrt", "Exp", "Log", "Erf", "Tanh",
        "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh",
        "Relu", "ThresholdedRelu", "Not", "BitwiseNot", "IsNaN", "IsInf",
    };

    public OperatorCost Cost(CostContext context) => OperatorCost.Elementwise(context.OutputElements(0));
}
