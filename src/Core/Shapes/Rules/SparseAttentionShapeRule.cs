using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft SparseAttention: output (B, S, N·H) from query (B, S, N·H) or packed (B, S, (N + 2·G)·H);
/// present key and value share the past's buffer, (B, G, max_cache_sequence_length, H).
/// </summary>
internal sealed class SparseAttentionShapeRule : IShapeRule
{
    private const int PastKeyInput = 3;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "SparseAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var query = AttentionMath.Query(context);

        var heads = AttentionMath.Heads(context);
        var kvHeads = AttentionMath.Heads(context, "kv_num_heads");
        var headSize = AttentionMath.PerHead(context, query[2], context.HasInput(1) ? heads : heads + (2 * kvHeads));
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { query[0], query[1], AttentionMath.Times(context, headSize, heads) }));
        if (context.InputType(PastKeyInput)?.Shape is { Rank: 4 } past)
        {
            context.SetOutput(1, type.ElementType, past);
            context.SetOutput(2, type.ElementType, past);
        }
    }
}
