using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft Attention (ONNX Runtime's fused BERT/GPT-2 self-attention): input (B, S, Hin) times the
/// packed Q/K/V weights (Hin, Dq + Dk + Dv) gives output (B, S, Dv); Dq, Dk, Dv are
/// <c>qkv_hidden_sizes</c> or a third of the weights' columns each. The optional present state is
/// (2, B, heads, past + S, Dk / heads), or the past's own shape when the buffer is shared. QAttention,
/// the quantized form, outputs in its input scale's type (input 3) and reads its past at input 8.
/// </summary>
internal sealed class AttentionShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Attention", "QAttention" };

    public void Infer(ShapeContext context)
    {
        bool quantized = context.Node.OpType == "QAttention";
        var type = context.RequireType(quantized ? 3 : 0);
        var x = context.RequireShape(0);
        var weights = context.RequireShape(1);
        if (x.Rank != 3 || weights.Rank != 2)
        {
            throw context.Invalid($"expects a 3-D input and 2-D weights, not {x} and {weights}");
        }

        long heads = AttentionMath.Heads(context);
        var (_, key, value) = AttentionMath.PackedSizes(context, weights[1]);
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { x[0], x[1], value }));
        if (context.OutputCount < 2)
        {
            return;
        }

        var past = context.InputType(quantized ? 8 : 4)?.Shape;
        if (past is not null && context.Attributes.GetInt("past_present_share_buffer", 0) != 0)
        {
            context.SetOutput(1, type.ElementType, past);
            return;
        }

        var total = past is { Rank: 5 } ? AttentionMath.Sum(context, past[3], x[1]) : x[1];
        var headSize = AttentionMath.PerHead(context, key, heads);
        context.SetOutput(1, type.ElementType, new TensorShape(new[] { Dim.Of(2), x[0], Dim.Of(heads), total, headSize }));
    }
}
