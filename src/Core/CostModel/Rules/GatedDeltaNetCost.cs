using EfficiencyMisnomer.Shapes.Rules;

namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GatedDeltaNet in its recurrent form (<see cref="LinearRecurrence"/>), each value head carrying its
/// own Dk × Dv state and giving its own output: query (T, Hq, Dk), value (T, Hv, Dv), T possibly spelled (B, S).
/// Fused activations per element of their input: 'qwen' gate 6 (add dt_bias, softplus 3, exp of a_log, multiply),
/// sigmoid beta 4, <c>qk_l2_norm</c> 3 per element of query and key (square, sum, divide).
/// </summary>
internal sealed class GatedDeltaNetCost : ICostRule
{
    private const int DecayInput = 4;
    private const int BetaInput = 5;
    private const int QwenGate = 6;
    private const int Sigmoid = 4;
    private const int L2Norm = 3;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatedDeltaNet" };

    public OperatorCost Cost(CostContext context)
    {
        var (query, value) = (context.InputDims(0), context.InputDims(2));
        if (query.Length < 3 || value.Length != query.Length)
        {
            return OperatorCost.Linear(0);
        }

        var recurrence = new LinearRecurrence(CostContext.Product(value[..^2]), value[^2], value[^2], query[^1], value[^1],
            UpdateRules.Of(context.Attributes));
        var decay = context.InputElements(DecayInput);
        var activations = checked((context.Attributes.GetString("gate_activation", "none") == "qwen" ? QwenGate * decay : 0)
            + (context.Attributes.GetString("beta_activation", "none") == "sigmoid" ? Sigmoid * context.InputElements(BetaInput) : 0)
            + (context.Attributes.GetInt("qk_l2_norm", 0) == 1 ? L2Norm * (context.InputElements(0) + context.InputElements(1)) : 0));
        return OperatorCost.Linear(recurrence.Macs, checked(recurrence.Flops(decay) + activations));
    }
}
