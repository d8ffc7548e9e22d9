using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft GatedRelativePositionBias (DeBERTa-style gated relative position bias): output (B, num_heads, S, S),
/// B and S from the query layer (B, S, num_heads · head_size), or from token_offset (B, S) when padding was
/// removed and the query layer is packed (tokens, num_heads · head_size).
/// </summary>
internal sealed class GatedRelativePositionBiasShapeRule : IShapeRule
{
    private const int TokenOffset = 6;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GatedRelativePositionBias" };

    public void Infer(ShapeContext context)
    {
        var query = context.RequireShape(0);
        long heads = AttentionMath.Heads(context);
        var offsets = context.InputType(TokenOffset)?.Shape;
        Dim batch, sequence;
        switch (query.Rank)
        {
            case 3 when offsets is null:
                (batch, sequence) = (query[0], query[1]);
                break;
            case 2 when offsets is { Rank: 2 }:
                (batch, sequence) = (offsets[0], offsets[1]);
                break;
            default:
                throw context.Invalid($"query_layer {query} with token_offset {offsets?.ToString() ?? "absent"} is neither (batch, sequence, hidden) nor packed (tokens, hidden) with (batch, sequence) offsets");
        }

        AttentionMath.PerHead(context, query[query.Rank - 1], heads);
        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(new[] { batch, Dim.Of(heads), sequence, sequence }));
    }
}
