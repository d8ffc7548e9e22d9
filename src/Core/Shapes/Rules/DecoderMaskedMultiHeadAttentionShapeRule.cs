using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft DecoderMaskedMultiHeadAttention: output (B, S, N·H) from query (B, S, N·H) or packed
/// (B, S, 3·N·H); present key and value are the past's shape with a shared past/present buffer, else
/// (B, N, L + S, H) from a past (B, N, L, H); qk (B, N, S, T) is not inferred.
/// </summary>
internal sealed class DecoderMaskedMultiHeadAttentionShapeRule : IShapeRule
{
    private const int PastKeyInput = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DecoderMaskedMultiHeadAttention" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        var query = AttentionMath.Query(context);

        var heads = AttentionMath.Heads(context);
        var headSize = AttentionMath.PerHead(context, query[2], context.HasInput(1) ? heads : 3 * heads);
        context.SetOutput(0, type.ElementType, new TensorShape(new[] { query[0], query[1], AttentionMath.Times(context, headSize, heads) }));
        if (context.InputType(PastKeyInput)?.Shape is not { Rank: 4 } past)
        {
            return;
        }

        var present = context.Attributes.GetInt("past_present_share_buffer", 0) != 0 ? past
            : ShapeMath.Replace(past, 2, AttentionMath.Sum(context, past[2], query[1]));
        context.SetOutput(1, type.ElementType, present);
        context.SetOutput(2, type.ElementType, present);
    }
}
