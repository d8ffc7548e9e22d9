namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft DecoderMaskedSelfAttention, DecoderMaskedMultiHeadAttention with the Q/K/V projection inside: the
/// packed input projection <c>B·S·Hin·3·N·H</c> MACs with its bias (input 2) one FLOP per projected element, as
/// Attention (<see cref="AttentionCost"/>), then the S new queries (1 in practice) attend T keys
/// (<see cref="AttentionCore"/>) as in <see cref="DecoderMaskedMultiHeadAttentionCost"/>: the past (2, B, N, L, H)
/// plus S, or <c>past_sequence_length</c> (input 6) + S with a shared buffer. A mask (input 3) and an attention bias
/// (input 5) add 1 per score each.
/// </summary>
internal sealed class DecoderMaskedSelfAttentionCost : ICostRule
{
    private const int PastInput = 4;
    private const int PastLengthInput = 6;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DecoderMaskedSelfAttention" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        var w = context.InputDims(1);
        var past = context.InputDims(PastInput);
        if (x.Length != 3 || w.Length != 2 || past.Length != 5)
        {
            return OperatorCost.Linear(0);
        }

        var (batch, queries, inputHidden) = (x[0], x[1], x[2]);
        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        var headSize = w[1] / 3 / heads;
        var keys = DecoderMaskedMultiHeadAttentionCost.SelfAttentionKeys(context, past[3], queries, PastLengthInput);
        var core = new AttentionCore(batch, heads, queries, keys, headSize, headSize);

        var projection = checked(batch * queries * w[1]);
        var masks = (context.HasInput(3) ? 1 : 0) + (context.HasInput(5) ? 1 : 0);
        var biasAdds = context.HasInput(2) ? projection : 0;
        return OperatorCost.Linear(checked((projection * inputHidden) + core.Macs), checked(biasAdds + core.ScoreFlops(masks)));
    }
}
