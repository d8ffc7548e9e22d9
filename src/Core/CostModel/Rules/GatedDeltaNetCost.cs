namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GatedDeltaNet in its recurrent form, per token and value head with a Dk × Dv state S:
/// the update <c>S += k·uᵀ</c> and the output <c>Sᵀq</c> are Dk·Dv MACs each, and the delta rules
/// ('delta', 'gated_delta') add the retrieval <c>Sᵀk</c>, Dk·Dv MACs more. FLOPs besides: the gated rules
/// ('gated', 'gated_delta') decay S (Dk·Dv multiplies) and take the exp of each decay element; the delta rules
/// subtract the retrieval from v and multiply by beta (2·Dv); the output scale Dv. Fused activations per
/// element of their input: 'qwen' gate 6 (add dt_bias, softplus 3, exp of a_log, multiply), sigmoid beta 4,
/// <c>qk_l2_norm</c> 3 per element of query and key (square, sum, divide). The chunk-parallel prefill
/// computes the same recurrence in another order; its extra intra-chunk products are not counted.
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

        var rule = context.Attributes.GetString("update_rule", "gated_delta");
        var (gated, delta) = (rule is "gated" or "gated_delta", rule is "delta" or "gated_delta");
        var (keySize, valueSize) = (query[^1], value[^1]);
        var tokenHeads = CostContext.Product(value[..^1]);
        var state = checked(keySize * valueSize);
        var macs = checked(tokenHeads * state * (delta ? 3 : 2));
        var decay = context.InputElements(DecayInput);
        var perTokenHead = valueSize + (gated ? state : 0) + (delta ? 2 * valueSize : 0);
        var activations = checked((gated ? decay : 0)
            + (context.Attributes.GetString("gate_activation", "none") == "qwen" ? QwenGate * decay : 0)
            + (context.Attributes.GetString("beta_activation", "none") == "sigmoid" ? Sigmoid * context.InputElements(BetaInput) : 0)
            + (context.Attributes.GetInt("qk_l2_norm", 0) == 1 ? L2Norm * (context.InputElements(0) + context.InputElements(1)) : 0));
        return OperatorCost.Linear(macs, checked((tokenHeads * perTokenHead) + activations));
    }
}
