using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft MultiHeadAttention over already projected Q, K, V. Query is (B, S, D), or packed QKV
/// (B, S, heads, 3, H); key is (B, L, D), packed KV (B, L, heads, 2, H), or cached keys (B, heads, L, H);
/// value is (B, L, Dv) or cached (B, heads, L, Hv). Output (B, S, Dv); present key and value
/// (B, heads, past + L, H) — no past is added to cached keys; qk (B, heads, S, total).
/// </summary>
internal sealed class MultiHeadAttentionShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MultiHeadAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var query = context.RequireShape(0);
        long heads = AttentionMath.Heads(context);
        var key = context.InputType(1)?.Shape;
        var value = context.InputType(2)?.Shape;
        Dim keyHead, valueHead, kvLength;
        bool cached = key is { Rank: 4 };
        switch (query.Rank)
        {
            case 5 when key is null:
                (keyHead, valueHead, kvLength) = (query[4], query[4], query[1]);
                break;
            case 3 when key is { Rank: 5 }:
                (keyHead, valueHead, kvLength) = (key[4], key[4], key[1]);
                break;
            case 3 when key is { Rank: 3 } && value is { Rank: 3 }:
                keyHead = AttentionMath.PerHead(context, key[2], heads);
                valueHead = AttentionMath.PerHead(context, value[2], heads);
                kvLength = key[1];
                break;
            case 3 when cached && value is { Rank: 4 }:
                (keyHead, valueHead, kvLength) = (key![3], value[3], key[2]);
                break;
            default:
                throw context.Invalid($"query {query}, key {key?.ToString() ?? "absent"} and value {value?.ToString() ?? "absent"} are not a supported layout");
        }

        var total = !cached && context.InputType(6)?.Shape is { Rank: 4 } past ? AttentionMath.Sum(context, past[2], kvLength) : kvLength;
        var batch = query[0];
        var heading = Dim.Of(heads);
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { batch, query[1], AttentionMath.Times(context, valueHead, heads) }));
        context.SetOutput(1, type.ElementType, new TensorShape(new[] { batch, heading, total, keyHead }));
        context.SetOutput(2, type.ElementType, new TensorShape(new[] { batch, heading, total, valueHead }));
        context.SetOutput(3, type.ElementType, new TensorShape(new[] { batch, heading, query[1], total }));
    }
}
