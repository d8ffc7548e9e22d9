namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// Activations composed of several primitives: each costs, per output element, the primitives of the
/// formula in the ONNX specification, every add, multiply, divide, compare, exp, log or tanh being one
/// FLOP (e.g. Sigmoid = 1/(1+exp(−x)): negate, exp, add, divide = 4).
/// </summary>
internal sealed class ActivationCost : ICostRule
{
    private static readonly Dictionary<string, int> PerElement = new(StringComparer.Ordinal)
    {
        ["Sigmoid"] = 4,     // neg, exp, add, div
        ["HardSigmoid"] = 4, // mul, add, min, max
        ["HardSwish"] = 5,   // HardSigmoid, mul
        ["LeakyRelu"] = 2,   // compare, mul
        ["PRelu"] = 2,       // compare, mul
        ["Elu"] = 4,         // compare, exp, sub, mul
        ["Selu"] = 5,        // compare, exp, mul, sub, mul
        ["Celu"] = 7,        // div, exp, sub, mul, min, max, add
        ["Softplus"] = 3,    // exp, add, log
        ["Softsign"] = 3,    // abs, add, div
        ["Mish"] = 5,        // softplus (3), tanh, mul
        ["Swish"] = 6,       // mul by alpha, sigmoid (4), mul
        ["Clip"] = 2,        // min, max
        ["Shrink"] = 2,      // compare, add or sub
    };

    /// <summary>Gelu: 0.5·x·(1+erf(x/√2)) is div, erf, add, mul, mul; the tanh form adds the cubic polynomial.</summary>
    private const int GeluErf = 5;
    private const int GeluTanh = 9;

    public IReadOnlyCollection<string> OpTypes { get; } = PerElement.Keys.Append("Gelu").ToArray();

    /// <summary>The FLOPs per element of <paramref name="opType"/>, one of the activations with a fixed formula.</summary>
    public static int FlopsPerElement(string opType) => PerElement[opType];

    public OperatorCost Cost(CostContext context)
    {
        var perElement = context.Node.OpType == "Gelu"
            ? context.Attributes.GetString("approximate", "none") == "tanh" ? GeluTanh : GeluErf
            : PerElement[context.Node.OpType];
        return OperatorCost.Elementwise(checked(perElement * context.OutputElements(0)));
    }
}
