namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// ONNX Runtime's other rotary embeddings. MRotaryEmbedding (Qwen2-VL's multimodal rotary, position ids per
/// temporal, height and width section): the output is the input's type and shape, (B, S, hidden) or 4-D.
/// GemmaRotaryEmbedding: the sin and cos of emb (B, S, D) rotate q and k, both (B, N, S, D); its outputs are
/// q's and k's shapes in q's type.
/// </summary>
internal sealed class ExtendedRotaryEmbeddingShapeRule : IShapeRule
{
    private const int Q = 1;
    private const int K = 3;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MRotaryEmbedding", "GemmaRotaryEmbedding" };

    public void Infer(ShapeContext context)
    {
        if (context.Node.OpType == "MRotaryEmbedding")
        {
            var input = context.RequireShape(0);
            if (input.Rank is not (3 or 4))
            {
                throw context.Invalid($"input {input} must be (batch, sequence, hidden) or 4-D with heads");
            }

            context.SetOutput(0, context.RequireType(0));
            return;
        }

        var emb = context.RequireShape(0);
        var q = context.RequireType(Q);
        var k = context.RequireType(K);
        if (emb.Rank != 3 || q.Shape is not { Rank: 4 } || k.Shape is not { Rank: 4 })
        {
            throw context.Invalid($"emb {emb} must be (B, S, D) and q {q.Shape} and k {k.Shape} (B, N, S, D)");
        }

        context.SetOutput(0, q);
        context.SetOutput(1, q.ElementType, k.Shape);
    }
}
