namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft DecoderMaskedMultiHeadAttention, the one-token decoding step of beam search exports: the
/// two attention products (<see cref="AttentionCore"/>) of the S new queries (1 in practice) over
/// T keys. Self-attention appends the new keys to the past (B, N, L, H): T = L + S, or, with
/// <c>past_present_share_buffer</c>, <c>past_sequence_length</c> + S when that value is known before run time
/// (else the buffer's L, an upper bound). Cross-attention reads cached keys (B, N, L, H): T = L. Query is
/// (B, S, N·H), or packed Q, K, V (B, S, 3·N·H) when key is absent. A mask (input 3) and an attention bias
/// (input 4) add 1 per score each; a bias (input 10) 1 per projected Q, K and V element.
/// </summary>
internal sealed class DecoderMaskedMultiHeadAttentionCost : ICostRule
{
    private const int PastKeyInput = 5;
    private const int PastLengthInput = 7;
    private const int BiasInput = 10;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DecoderMaskedMultiHeadAttention" };

    public OperatorCost Cost(CostContext context)
    {
        var query = context.InputDims(0);
        if (query.Length != 3)
        {
            return OperatorCost.Linear(0);
        }

        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        var (batch, queries) = (query[0], query[1]);
        var key = context.InputDims(1);
        var headSize = query[2] / (context.HasInput(1) ? heads : 3 * heads);
        long keys;
        if (key.Length == 4)
        {
            keys = key[2];
        }
        else
        {
            var past = context.InputDims(PastKeyInput);
            keys = past.Length != 4 ? queries : SelfAttentionKeys(context, past[2], queries, PastLengthInput);
        }

        var core = new AttentionCore(batch, heads, queries, keys, headSize, headSize);
        var masks = (context.HasInput(3) ? 1 : 0) + (context.HasInput(4) ? 1 : 0);
        var biasAdds = context.HasInput(BiasInput) ? checked(3 * batch * queries * heads * headSize) : 0;
        return OperatorCost.Linear(core.Macs, checked(biasAdds + core.ScoreFlops(masks)));
    }

    /// <summary>
    /// Keys a decoding step attends when it appends its S new keys to a past of length L: L + S, or, with
    /// <c>past_present_share_buffer</c>, <c>past_sequence_length</c> + S when known before run time, else L.
    /// </summary>
    internal static long SelfAttentionKeys(CostContext context, long pastLength, long queries, int pastLengthInput) =>
        context.Attributes.GetInt("past_present_share_buffer", 0) == 0 ? checked(pastLength + queries)
        : context.InputValue(pastLengthInput) is { Length: 1 } length ? checked(length.IntegerAt(0) + queries)
        : pastLength;
}
