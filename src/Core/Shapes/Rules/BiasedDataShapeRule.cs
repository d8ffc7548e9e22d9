using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft BiasSoftmax and BiasDropout: the output is the data's (input 0) type and shape, whatever way
/// the bias broadcasts into it; BiasDropout's optional mask is bool of the same shape.
/// </summary>
internal sealed class BiasedDataShapeRule : IShapeRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "BiasSoftmax", "BiasDropout" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type);
        if (type.Shape is { } shape)
        {
            context.SetOutput(1, ElementType.Bool, shape);
        }
    }
}
