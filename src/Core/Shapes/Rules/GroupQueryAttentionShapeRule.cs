using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GroupQueryAttention. Query is (B, S, N·H), or packed Q, K and V (B, S, (N + 2·G)·H) when key
/// is absent, for <c>num_heads</c> N and <c>kv_num_heads</c> G. Output (B, S, N·H); present key and value
/// (B, G, T, H), T being the past cache's length plus S, or the past buffer's length when
/// <c>total_sequence_length</c> is a constant no longer than it (a shared past/present buffer).
/// </summary>
internal sealed class GroupQueryAttentionShapeRule : IShapeRule
{
    private const int PastKeyInput = 3;
    private const int TotalLengthInput = 6;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GroupQueryAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var query = AttentionMath.Query(context);

        var heads = AttentionMath.Heads(context);
        var kvHeads = AttentionMath.Heads(context, "kv_num_heads");
        if (heads % kvHeads != 0)
        {
            throw context.Invalid($"{heads} query heads do not group into {kvHeads} key/value heads");
        }

        var headSize = AttentionMath.PerHead(context, query[2], context.HasInput(1) ? heads : heads + (2 * kvHeads));
        var (batch, sequence) = (query[0], query[1]);
        var present = sequence;
        if (context.InputType(PastKeyInput)?.Shape is { Rank: 4 } past)
        {
            bool shared = context.InputValue(TotalLengthInput) is { Length: 1 } total && past[2].IsKnown && total.IntegerAt(0) <= past[2].Value;
            present = shared ? past[2] : AttentionMath.Sum(context, past[2], sequence);
        }

        context.SetOutput(0, type.ElementType, new TensorShape(new[] { batch, sequence, AttentionMath.Times(context, headSize, heads) }));
        var cache = new TensorShape(new[] { batch, Dim.Of(kvHeads), present, headSize });
        context.SetOutput(1, type.ElementType, cache);
        context.SetOutput(2, type.ElementType, cache);
    }
}
