namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft SparseAttention (block-sparse grouped-query attention): the two attention products over the
/// key blocks its layout keeps. Head h follows layout <c>h mod num_layout</c>, a CSR list of the key blocks
/// (block_col_indices) each query block row (block_row_indices) attends, blocks of <c>sparse_block_size</c>.
/// The S queries are the last S of the T = <c>total_sequence_length</c> positions; a query in block row r
/// attends every position of row r's kept blocks that lies before T. With a layout or T known only at run
/// time every query attends all T keys (an upper bound). Per score: scale 1, softmax 5; with <c>do_rotary</c>
/// the rotary embedding of Q and K as <see cref="RotaryEmbeddingCost.Fused"/>.
/// </summary>
internal sealed class SparseAttentionCost : ICostRule
{
    private const int PastKeyInput = 3;
    private const int RowIndicesInput = 5;
    private const int ColumnIndicesInput = 6;
    private const int TotalLengthInput = 7;
    private const int CosCacheInput = 9;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "SparseAttention" };

    public OperatorCost Cost(CostContext context)
    {
        if (GroupedQuery.Of(context) is not { } query)
        {
            return OperatorCost.Linear(0);
        }

        var (batch, queries, heads, kvHeads, headSize) = query;
        var past = context.InputDims(PastKeyInput);
        var total = context.InputValue(TotalLengthInput) is { Length: 1 } length ? length.IntegerAt(0)
            : past.Length == 4 ? Math.Max(past[2], queries) : queries;
        var keysPerHead = KeysPerHead(context, heads, queries, total);
        var scores = checked(batch * keysPerHead.Sum());
        var macs = checked(scores * 2 * headSize);
        var rotary = RotaryEmbeddingCost.Fused(context, CosCacheInput, checked(batch * queries), heads + kvHeads);
        return OperatorCost.Linear(macs, checked((scores * 6) + rotary));
    }

    /// <summary>For each head, the keys its S queries attend in all.</summary>
    private static long[] KeysPerHead(CostContext context, long heads, long queries, long total)
    {
        var dense = Enumerable.Repeat(checked(queries * total), (int)heads).ToArray();
        var block = context.Attributes.GetInt("sparse_block_size", 0);
        if (block <= 0 || context.InputValue(RowIndicesInput) is not { Dims.Count: 2 } rows || context.InputValue(ColumnIndicesInput) is not { Dims.Count: 2 } columns)
        {
            return dense;
        }

        var (layouts, rowWidth, columnWidth) = ((int)rows.Dims[0], (int)rows.Dims[1], (int)columns.Dims[1]);
        var perLayout = new long[layouts];
        for (int layout = 0; layout < layouts; layout++)
        {
            for (long position = total - queries; position < total; position++)
            {
                var row = (int)(position / block);
                if (row + 1 >= rowWidth)
                {
                    return dense;
                }

                for (long i = rows.IntegerAt((layout * rowWidth) + row); i < rows.IntegerAt((layout * rowWidth) + row + 1) && i < columnWidth; i++)
                {
                    var start = columns.IntegerAt((int)((layout * columnWidth) + i)) * block;
                    perLayout[layout] += Math.Max(0, Math.Min(block, total - start));
                }
            }
        }

        return Enumerable.Range(0, (int)heads).Select(h => perLayout[h % layouts]).ToArray();
    }
}
