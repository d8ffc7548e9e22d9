namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft MultiHeadAttention: only the two attention products (<see cref="AttentionCore"/>); its Q, K
/// and V come from separate MatMuls, costed as such. A bias (input 3) adds one FLOP per projected
/// element it is added to; a key padding mask (input 4) and an attention bias (input 5) one per score.
/// Cached keys (B, heads, L, H) are attended as they are; otherwise a past key adds its length.
/// </summary>
internal sealed class MultiHeadAttentionCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MultiHeadAttention" };

    public OperatorCost Cost(CostContext context)
    {
        var query = context.InputDims(0);
        var key = context.InputDims(1);
        var value = context.InputDims(2);
        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        if (query.Length is not (3 or 5))
        {
            return OperatorCost.Linear(0);
        }

        var (batch, queries) = (query[0], query[1]);
        long keyHead, valueHead, length;
        bool cached = key.Length == 4;
        if (query.Length == 5)
        {
            (keyHead, valueHead, length) = (query[4], query[4], query[1]);
        }
        else if (key.Length == 5)
        {
            (keyHead, valueHead, length) = (key[4], key[4], key[1]);
        }
        else if (cached && value.Length == 4)
        {
            (keyHead, valueHead, length) = (key[3], value[3], key[2]);
        }
        else if (key.Length == 3 && value.Length == 3)
        {
            (keyHead, valueHead, length) = (key[2] / heads, value[2] / heads, key[1]);
        }
        else
        {
            return OperatorCost.Linear(0);
        }

        var past = context.InputDims(6);
        var keys = !cached && past.Length == 4 ? checked(past[2] + length) : length;
        var core = new AttentionCore(batch, heads, queries, keys, keyHead, valueHead);
        var masks = (context.HasInput(4) ? 1 : 0) + (context.HasInput(5) ? 1 : 0);
        var biasAdds = !context.HasInput(3) ? 0
            : cached ? checked(batch * queries * heads * keyHead)
            : checked(batch * heads * ((queries * keyHead) + (length * (keyHead + valueHead))));
        return OperatorCost.Linear(core.Macs, checked(biasAdds + core.ScoreFlops(masks)));
    }
}
