using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft TorchEmbedding, torch's Embedding: the rows of weight (N, M) at int64 indices, indices.shape + (M),
/// which is Gather of axis 0 (<see cref="GatherShapeRule"/>). padding_idx and scale_grad_by_freq only act on gradients.
/// </summary>
internal sealed class TorchEmbeddingShapeRule : IShapeRule
{
    private static readonly GatherShapeRule Gather = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "TorchEmbedding" };

    public void Infer(ShapeContext context)
    {
        var weight = context.RequireShape(0);
        if (weight.Rank != 2)
        {
            throw context.Invalid($"weight {weight} must be a matrix (N, M)");
        }

        if (context.RequireType(1).ElementType != ElementType.Int64)
        {
            throw context.Invalid($"indices must be int64, not {context.RequireType(1).ElementType}");
        }

        Gather.Infer(context);
    }
}
