using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft MoE and QMoE: each row of the input (tokens × hidden) runs through its top <c>k</c>
/// experts only, so the MACs count the active experts, not all of them: <c>rows · k</c> times one expert's
/// weight elements (fc1, fc2 and the optional fc3, each holding E experts; QMoE's uint8 weights hold
/// <c>8 / expert_weight_bits</c> elements per byte). Per row the routing softmax over E experts costs 5 per
/// expert and combining the k outputs 2 per hidden element each; the activation between fc1 and fc2 and the
/// expert biases are not counted. <c>params</c> count every expert: they are all stored.
/// </summary>
internal sealed class MixtureOfExpertsCost : ICostRule
{
    private const int Softmax = 5;
    private const int Combine = 2;
    private const int DefaultBits = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MoE", "QMoE" };

    public OperatorCost Cost(CostContext context)
    {
        var input = context.InputDims(0);
        var router = context.InputDims(1);
        if (input.Length == 0 || router.Length == 0 || input[^1] == 0 || router[^1] == 0)
        {
            return OperatorCost.Linear(0);
        }

        bool quantized = context.Node.OpType == "QMoE";
        var weightInputs = quantized ? new[] { 2, 5, 8 } : new[] { 2, 4, 6 };
        var perByte = quantized && context.InputType(2)?.ElementType == ElementType.UInt8
            ? 8 / Math.Clamp(context.Attributes.GetInt("expert_weight_bits", DefaultBits), 1, 8) : 1;
        var (hidden, experts) = (input[^1], router[^1]);
        var rows = context.InputElements(0) / hidden;
        var active = Math.Min(Math.Max(context.Attributes.GetInt("k", 1), 1), experts);
        var perExpert = weightInputs.Sum(i => checked(context.InputElements(i) * perByte)) / experts;
        var macs = checked(rows * active * perExpert);
        return OperatorCost.Linear(macs, checked(rows * ((Softmax * experts) + (Combine * active * hidden))));
    }
}
