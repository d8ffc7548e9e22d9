namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft Attention: the packed input projection, <c>B·S·Hin·(Dq + Dk + Dv)</c> MACs (a bias adds
/// one FLOP per projected element), then self-attention over <c>past + S</c> keys (<see cref="AttentionCore"/>),
/// with a mask (input 3) and an attention bias (input 5) each adding one FLOP per score. QAttention, its
/// quantized form (uint8 input, int8 weights), costs the same, its mask at input 5 and past at input 8.
/// </summary>
internal sealed class AttentionCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Attention", "QAttention" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        var w = context.InputDims(1);
        if (x.Length != 3 || w.Length != 2)
        {
            return OperatorCost.Linear(0);
        }

        var (batch, queries, inputHidden) = (x[0], x[1], x[2]);
        var width = w[1];
        var sizes = context.Attributes.GetInts("qkv_hidden_sizes") is { Length: 3 } given ? given : new[] { width / 3, width / 3, width / 3 };
        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        bool quantized = context.Node.OpType == "QAttention";
        var past = context.InputDims(quantized ? 8 : 4);
        var sharedBuffer = context.Attributes.GetInt("past_present_share_buffer", 0) != 0;
        var keys = past.Length == 5 && !sharedBuffer ? checked(past[3] + queries) : queries;
        var core = new AttentionCore(batch, heads, queries, keys, sizes[1] / heads, sizes[2] / heads);

        var projection = checked(batch * queries * width);
        var macs = checked((projection * inputHidden) + core.Macs);
        var masks = quantized ? (context.HasInput(5) ? 1 : 0) : (context.HasInput(3) ? 1 : 0) + (context.HasInput(5) ? 1 : 0);
        var biasAdds = context.HasInput(2) ? projection : 0;
        return OperatorCost.Linear(macs, checked(biasAdds + core.ScoreFlops(masks)));
    }
}
