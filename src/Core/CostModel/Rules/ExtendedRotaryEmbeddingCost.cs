namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// ONNX Runtime's other rotary embeddings. MRotaryEmbedding rotates as RotaryEmbedding (<see cref="RotaryEmbeddingCost"/>,
/// 3 per rotated element, <c>rotary_embedding_dim</c> of each head): its sections only choose which position id
/// indexes the caches. GemmaRotaryEmbedding takes the sin and cos of emb (1 each per emb element, as Sin and Cos),
/// then <c>x · cos + x_rot · sin</c> (3) per element of q and of k.
/// </summary>
internal sealed class ExtendedRotaryEmbeddingCost : ICostRule
{
    private const int SinAndCos = 2;
    private const int Q = 1;
    private const int K = 3;
    private static readonly RotaryEmbeddingCost Rotary = new();

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MRotaryEmbedding", "GemmaRotaryEmbedding" };

    public OperatorCost Cost(CostContext context)
    {
        if (context.Node.OpType == "MRotaryEmbedding")
        {
            return Rotary.Cost(context);
        }

        var rotated = checked(context.InputElements(Q) + context.InputElements(K));
        return OperatorCost.Elementwise(checked((SinAndCos * context.InputElements(0)) + (RotaryEmbeddingCost.PerRotatedElement * rotated)));
    }
}
