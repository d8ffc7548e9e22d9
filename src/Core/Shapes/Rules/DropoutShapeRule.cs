using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>Dropout: an identity at inference; the optional mask is bool from opset 10, the input's type before.</summary>
internal sealed class DropoutShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Dropout" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type, context.InputValue(0));
        context.SetOutput(1, type with { ElementType = context.Opset >= 10 ? ElementType.Bool : type.ElementType });
    }
}
