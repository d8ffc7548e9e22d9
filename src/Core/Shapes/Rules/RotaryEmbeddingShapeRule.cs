namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>com.microsoft RotaryEmbedding: the output is the input's type and shape.</summary>
internal sealed class RotaryEmbeddingShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RotaryEmbedding" };

    public void Infer(ShapeContext context) => context.SetOutput(0, context.RequireType(0));
}
