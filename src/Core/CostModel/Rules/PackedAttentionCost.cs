namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft PackedAttention and PackedMultiHeadAttention: T real tokens of B sequences padded to S (token_offset
/// (B, S)). Each token attends the real tokens of its own sequence, whose lengths are known only at run time; at most
/// S of them, so the scores are bounded by <c>heads · T · S</c> (<see cref="AttentionCore"/> with T queries over S
/// keys), an upper bound that is exact when no sequence is padded. PackedAttention adds its packed input projection,
/// <c>T · Hin · (Dq + Dk + Dv)</c> MACs, and its bias, 1 per projected element; PackedMultiHeadAttention's optional
/// bias (input 3) adds 1 per element of the Q, K and V it is added to. Per score: scale 1, softmax 5, and the
/// attention bias (PackedAttention input 5, PackedMultiHeadAttention input 6) 1.
/// </summary>
internal sealed class PackedAttentionCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "PackedAttention", "PackedMultiHeadAttention" };

    public OperatorCost Cost(CostContext context)
    {
        bool projected = context.Node.OpType == "PackedAttention";
        var query = context.InputDims(0);
        var offsets = context.InputDims(projected ? 3 : 4);
        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        if (offsets.Length != 2 || query.Length is not (2 or 4))
        {
            return OperatorCost.Linear(0);
        }

        var tokens = query[0];
        long keyHead, valueHead, projection = 0, biasAdds = 0;
        if (projected)
        {
            var width = context.InputDims(1) is { Length: 2 } w ? w[1] : 0;
            var sizes = context.Attributes.GetInts("qkv_hidden_sizes") is { Length: 3 } given ? given : new[] { width / 3, width / 3, width / 3 };
            (keyHead, valueHead) = (sizes[1] / heads, sizes[2] / heads);
            projection = checked(tokens * query[1] * width);
            biasAdds = context.HasInput(2) ? checked(tokens * width) : 0;
        }
        else
        {
            (keyHead, valueHead) = query.Length == 4
                ? (query[3], query[3])
                : (query[1] / heads, (context.InputDims(2) is { Length: 2 } v ? v[1] : query[1]) / heads);
            biasAdds = context.HasInput(3) ? checked(tokens * heads * ((2 * keyHead) + valueHead)) : 0;
        }

        var core = new AttentionCore(1, heads, tokens, offsets[1], keyHead, valueHead);
        var masks = context.HasInput(projected ? 5 : 6) ? 1 : 0;
        return OperatorCost.Linear(checked(projection + core.Macs), checked(biasAdds + core.ScoreFlops(masks)));
    }
}
