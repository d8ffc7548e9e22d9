namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>ONNX RotaryEmbedding (opset 23): the output is the input's type and shape, as for ONNX Runtime's.</summary>
internal sealed class OnnxRotaryEmbeddingShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RotaryEmbedding" };

    public void Infer(ShapeContext context) => context.SetOutput(0, context.RequireType(0));
}
