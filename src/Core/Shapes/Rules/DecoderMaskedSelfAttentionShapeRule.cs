namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft DecoderMaskedSelfAttention, the one-token decoding step of older beam search exports: Attention
/// (<see cref="AttentionShapeRule"/>) with the packed Q/K/V weights (Hin, 3·N·H) and a required past (2, B, N, L, H)
/// at the same inputs, output (B, S, N·H) and present (2, B, N, L + S, H), or the past's shape with a shared
/// buffer. The weights must take the input's width and the past must be 5-D.
/// </summary>
internal sealed class DecoderMaskedSelfAttentionShapeRule : IShapeRule
{
    private const int PastInput = 4;
    private static readonly AttentionShapeRule Attention = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DecoderMaskedSelfAttention" };

    public void Infer(ShapeContext context)
    {
        var input = AttentionMath.Query(context);
        var weights = context.RequireShape(1);
        if (weights.Rank != 2 || (weights[0].IsKnown && input[2].IsKnown && weights[0].Value != input[2].Value))
        {
            throw context.Invalid($"weights {weights} are not (input hidden {input[2]}, 3 · hidden)");
        }

        if (!context.HasInput(PastInput))
        {
            throw context.Invalid("past is required");
        }

        var past = context.RequireShape(PastInput);
        if (past.Rank != 5 || past[0] is { IsKnown: true, Value: not 2 })
        {
            throw context.Invalid($"past {past} is not (2, batch, heads, past length, head size)");
        }

        Attention.Infer(context);
    }
}
