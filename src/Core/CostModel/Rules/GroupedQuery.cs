namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The query side of ONNX Runtime's grouped-query attention operators (GroupQueryAttention, SparseAttention): query
/// (B, S, N·H), or Q, K and V packed as (B, S, (N + 2·G)·H) when the key input is absent; N = <c>num_heads</c> query
/// heads share G = <c>kv_num_heads</c> key/value heads.
/// </summary>
internal sealed record GroupedQuery(long Batch, long Queries, long Heads, long KvHeads, long HeadSize)
{
    /// <summary>The query side of the node, or null when the query's shape is not (B, S, width).</summary>
    public static GroupedQuery? Of(CostContext context)
    {
        var query = context.InputDims(0);
        if (query.Length != 3)
        {
            return null;
        }

        var heads = Math.Max(context.Attributes.GetInt("num_heads", 1), 1);
        var kvHeads = Math.Max(context.Attributes.GetInt("kv_num_heads", 1), 1);
        var packed = !context.HasInput(1);
        return new GroupedQuery(query[0], query[1], heads, kvHeads, query[2] / (packed ? heads + (2 * kvHeads) : heads));
    }
}
