using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// ONNX Attention (opset 23, 24): scaled dot-product attention over already projected Q, K, V, all 4D
/// (batch, heads, sequence, head size) or all 3D (batch, sequence, heads × head size, with <c>q_num_heads</c> and
/// <c>kv_num_heads</c> naming the heads). Fewer key/value heads than query heads is grouped-query attention. A past
/// key and value (batch, kv heads, past, head size) add their length. Y has Q's rank with V's head size; present
/// key and value (batch, kv heads, past + kv sequence, head size); the QK product (batch, q heads, sequence, total).
/// </summary>
internal sealed class OnnxAttentionShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Attention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var (query, key, value) = (context.RequireShape(0), context.RequireShape(1), context.RequireShape(2));
        Dim batch = query[0], queryHeads, kvHeads, sequence, kvSequence, keyHead, valueHead;
        switch (query.Rank, key.Rank, value.Rank)
        {
            case (4, 4, 4):
                (queryHeads, sequence, keyHead) = (query[1], query[2], query[3]);
                (kvHeads, kvSequence, valueHead) = (key[1], key[2], value[3]);
                break;
            case (3, 3, 3):
                var (q, kv) = (AttentionMath.Heads(context, "q_num_heads"), AttentionMath.Heads(context, "kv_num_heads"));
                (queryHeads, kvHeads, sequence, kvSequence) = (Dim.Of(q), Dim.Of(kv), query[1], key[1]);
                keyHead = AttentionMath.PerHead(context, query[2], q);
                valueHead = AttentionMath.PerHead(context, value[2], kv);
                break;
            default:
                throw context.Invalid($"query {query}, key {key} and value {value} must be all 4D (batch, heads, sequence, head size) or all 3D (batch, sequence, hidden)");
        }

        var total = context.InputType(4)?.Shape is { Rank: 4 } past ? AttentionMath.Sum(context, past[2], kvSequence) : kvSequence;
        var output = query.Rank == 4
            ? new TensorShape(new[] { batch, queryHeads, sequence, valueHead })
            : new TensorShape(new[] { batch, sequence, AttentionMath.Times(context, valueHead, queryHeads.Value) });
        context.SetOutput(0, type.ElementType, output);
        context.SetOutput(1, type.ElementType, new TensorShape(new[] { batch, kvHeads, total, keyHead }));
        context.SetOutput(2, type.ElementType, new TensorShape(new[] { batch, kvHeads, total, valueHead }));
        context.SetOutput(3, type.ElementType, new TensorShape(new[] { batch, queryHeads, sequence, total }));
    }
}
