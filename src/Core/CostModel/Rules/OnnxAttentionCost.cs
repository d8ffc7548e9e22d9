namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// ONNX Attention (opset 23, 24): only the two attention products (<see cref="AttentionCore"/>) over the query heads,
/// the keys being the past (input 4) and the new ones; Q, K and V come projected. Grouped key/value heads are shared,
/// not recomputed. Per score: an attention mask (input 3) adds one FLOP, a softcap three (divide, tanh, multiply).
/// A causal mask selects scores and adds no arithmetic.
/// </summary>
internal sealed class OnnxAttentionCost : ICostRule
{
    private const int SoftcapFlops = 3;

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Attention" };

    public OperatorCost Cost(CostContext context)
    {
        var (query, key, value) = (context.InputDims(0), context.InputDims(1), context.InputDims(2));
        long batch, heads, queries, keys, keyHead, valueHead;
        if (query.Length == 4 && key.Length == 4 && value.Length == 4)
        {
            (batch, heads, queries, keyHead) = (query[0], query[1], query[2], query[3]);
            (keys, valueHead) = (key[2], value[3]);
        }
        else if (query.Length == 3 && key.Length == 3 && value.Length == 3)
        {
            heads = Math.Max(context.Attributes.GetInt("q_num_heads", 1), 1);
            var kvHeads = Math.Max(context.Attributes.GetInt("kv_num_heads", 1), 1);
            (batch, queries, keys) = (query[0], query[1], key[1]);
            (keyHead, valueHead) = (query[2] / heads, value[2] / kvHeads);
        }
        else
        {
            return OperatorCost.Linear(0);
        }

        var past = context.InputDims(4);
        var total = past.Length == 4 ? checked(past[2] + keys) : keys;
        var core = new AttentionCore(batch, heads, queries, total, keyHead, valueHead);
        var perScore = (context.HasInput(3) ? 1 : 0) + (context.Attributes.GetFloat("softcap", 0f) != 0f ? SoftcapFlops : 0);
        return OperatorCost.Linear(core.Macs, core.ScoreFlops(perScore));
    }
}
