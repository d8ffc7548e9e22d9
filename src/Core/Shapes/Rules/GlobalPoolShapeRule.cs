using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Global pooling: every spatial dim becomes 1.</summary>
internal sealed class GlobalPoolShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        if (x.Rank < 2)
        {
            throw context.Invalid($"input {x} must be (N, C, spatial...)");
        }

        context.SetOutput(0, context.RequireType(0).ElementType, new TensorShape(x.Select((d, i) => i < 2 ? d : Dim.Of(1))));
    }
}
