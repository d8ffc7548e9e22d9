using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft PackedAttention and PackedMultiHeadAttention, ONNX Runtime's attention over the real tokens of a
/// batch with its padding removed. PackedAttention: input (T, Hin) times the packed Q/K/V weights (Hin, Dq + Dk + Dv)
/// gives (T, Dv), the widths from <c>qkv_hidden_sizes</c> or a third of the weights' columns each.
/// PackedMultiHeadAttention: query (T, D) with key (T, D) and value (T, Dv) gives (T, Dv); packed QKV
/// (T, heads, 3, H) gives (T, heads · H).
/// </summary>
internal sealed class PackedAttentionShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "PackedAttention", "PackedMultiHeadAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var query = context.RequireShape(0);
        long heads = AttentionMath.Heads(context);
        Dim value;
        if (context.Node.OpType == "PackedAttention")
        {
            var weights = context.RequireShape(1);
            if (query.Rank != 2 || weights.Rank != 2)
            {
                throw context.Invalid($"expects a 2-D input (tokens, hidden) and 2-D weights, not {query} and {weights}");
            }

            value = AttentionMath.PackedSizes(context, weights[1]).Value;
        }
        else
        {
            var valueShape = context.InputType(2)?.Shape;
            value = query.Rank switch
            {
                2 when valueShape is { Rank: 2 } => valueShape[1],
                4 when query[1].IsKnown && query[1].Value == heads => AttentionMath.Times(context, query[3], heads),
                _ => throw context.Invalid($"query {query} with value {valueShape?.ToString() ?? "absent"} is neither (tokens, hidden) with a (tokens, v_hidden) value nor packed QKV (tokens, {heads}, 3, head_size)"),
            };
        }

        AttentionMath.PerHead(context, value, heads);
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { query[0], value }));
    }
}
