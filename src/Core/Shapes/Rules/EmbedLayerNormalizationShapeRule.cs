using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft EmbedLayerNormalization (BERT's embeddings): token ids (B, S) looked up in the word
/// embedding (V, H) give output (B, S, H) of the table's type, the mask index (B) as int32, and the
/// optional pre-normalization embedding sum (B, S, H).
/// </summary>
internal sealed class EmbedLayerNormalizationShapeRule : IShapeRule
{
    private const int WordEmbedding = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "EmbedLayerNormalization" };

    public void Infer(ShapeContext context)
    {
        var ids = context.RequireShape(0);
        var table = context.RequireType(WordEmbedding);
        var tableShape = table.Shape ?? throw new ShapeInferenceException("the word embedding's rank is unknown");
        if (ids.Rank != 2 || tableShape.Rank != 2)
        {
            throw context.Invalid($"expects 2-D ids and a 2-D word embedding, not {ids} and {tableShape}");
        }

        var embedded = new TensorShape(new[] { ids[0], ids[1], tableShape[1] });
        context.SetOutput(0, table.ElementType, embedded);
        context.SetOutput(1, ElementType.Int32, new TensorShape(new[] { ids[0] }));
        context.SetOutput(2, table.ElementType, embedded);
    }
}
