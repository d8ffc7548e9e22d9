namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft GroupQueryAttention: the two attention products (<see cref="AttentionCore"/>) of
/// <c>num_heads</c> query heads, each sharing one of <c>kv_num_heads</c> key/value heads, so the MACs are
/// those of multi-head attention with the query's head count. Query is (B, S, N·H), or packed Q, K and V
/// (B, S, (N + 2·G)·H) when key is absent. The keys are <c>total_sequence_length</c> when it is a constant,
/// else the past cache's length plus S; a <c>local_window_size</c> w &gt; 0 limits each query to w + 1 keys.
/// Per score an attention bias adds 1 and <c>softcap</c> 3 (divide, tanh, multiply). With <c>do_rotary</c>
/// the rotary embedding of Q and K is costed as <see cref="RotaryEmbeddingCost.Fused"/>.
/// </summary>
internal sealed class GroupQueryAttentionCost : ICostRule
{
    private const int PastKeyInput = 3;
    private const int TotalLengthInput = 6;
    private const int CosCacheInput = 7;
    private const int AttentionBiasInput = 10;
    private const int Softcap = 3;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GroupQueryAttention" };

    public OperatorCost Cost(CostContext context)
    {
        if (GroupedQuery.Of(context) is not { } query)
        {
            return OperatorCost.Linear(0);
        }

        var (batch, queries, heads, kvHeads, headSize) = query;
        var past = context.InputDims(PastKeyInput);
        var keys = context.InputValue(TotalLengthInput) is { Length: 1 } total ? total.IntegerAt(0)
            : past.Length == 4 ? checked(past[2] + queries) : queries;
        var window = context.Attributes.GetInt("local_window_size", -1);
        if (window > 0)
        {
            keys = Math.Min(keys, window + 1);
        }

        var core = new AttentionCore(batch, heads, queries, keys, headSize, headSize);
        var masks = context.HasInput(AttentionBiasInput) ? 1 : 0;
        var softcap = context.Attributes.GetFloat("softcap", 0) > 0 ? checked(Softcap * core.Scores) : 0;
        var rotary = RotaryEmbeddingCost.Fused(context, CosCacheInput, checked(batch * queries), heads + kvHeads);
        return OperatorCost.Linear(core.Macs, checked(core.ScoreFlops(masks) + softcap + rotary));
    }
}
