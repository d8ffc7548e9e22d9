namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft PagedAttention: the two attention products (<see cref="AttentionCore"/>) of T packed tokens of
/// N = <c>num_heads</c> query heads, each sharing one of G = <c>kv_num_heads</c> key/value heads, over their own
/// sequence's cached keys. Those lengths (past_seqlens, cumulative_sequence_length) are known only at run time; a
/// sequence's keys fill at most its row of the block table (B, M), M blocks of the key cache's (blocks, block size,
/// G, H), so each query attends at most <c>min(M, blocks) · block size</c> keys, fewer under a constant
/// attention_metadata's max_kv_len_bound or a <c>local_window_size</c> w &gt; 0 (w + 1): an upper bound. The key head
/// is H, the query's width over N, or over N + 2·G for packed QKV; the value head <c>v_head_size</c> when set. Per
/// score: scale 1, softmax 5, <c>softcap</c> 3. With <c>do_rotary</c> the rotary embedding of Q and K as
/// <see cref="RotaryEmbeddingCost.Fused"/>; with q_norm_weight the RMS normalization of each Q and K head element,
/// 4 as SimplifiedLayerNormalization counts it. Writing the new keys into the cache is data movement.
/// </summary>
internal sealed class PagedAttentionCost : ICostRule
{
    private const int KeyCacheInput = 3;
    private const int BlockTableInput = 7;
    private const int CosCacheInput = 8;
    private const int QueryNormInput = 12;
    private const int MetadataInput = 16;
    private const int Softcap = 3;
    private const int RmsNorm = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "PagedAttention" };

    public OperatorCost Cost(CostContext context)
    {
        var (query, cache) = (context.InputDims(0), context.InputDims(KeyCacheInput));
        if (query.Length != 2 || cache.Length != 4)
        {
            return OperatorCost.Linear(0);
        }

        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        var kvHeads = Math.Max(context.Attributes.GetInt("kv_num_heads", 1), 1);
        var packed = !context.HasInput(1) && context.Attributes.GetString("kv_cache_layout", "SEPARATE") != "LATENT";
        var (tokens, headSize) = (query[0], query[1] / (packed ? heads + (2 * kvHeads) : heads));
        var valueHead = context.Attributes.GetInt("v_head_size", 0) is > 0 and var v ? v : headSize;
        var core = new AttentionCore(1, heads, tokens, Keys(context, cache), headSize, valueHead);
        var softcap = context.Attributes.GetFloat("softcap", 0) > 0 ? checked(Softcap * core.Scores) : 0;
        var rotary = RotaryEmbeddingCost.Fused(context, CosCacheInput, tokens, heads + kvHeads);
        var norm = context.HasInput(QueryNormInput) ? checked(RmsNorm * tokens * (heads + kvHeads) * headSize) : 0;
        return OperatorCost.Linear(core.Macs, checked(core.ScoreFlops(0) + softcap + rotary + norm));
    }

    /// <summary>The most keys one query can attend.</summary>
    private static long Keys(CostContext context, long[] cache)
    {
        var blocks = context.InputDims(BlockTableInput) is { Length: 2 } table ? Math.Min(table[1], cache[0]) : cache[0];
        var keys = checked(blocks * cache[1]);
        if (context.InputValue(MetadataInput) is { Length: >= 2 } metadata && metadata.IntegerAt(1) > 0)
        {
            keys = Math.Min(keys, metadata.IntegerAt(1));
        }

        var window = context.Attributes.GetInt("local_window_size", -1);
        return window > 0 ? Math.Min(keys, window + 1) : keys;
    }
}
