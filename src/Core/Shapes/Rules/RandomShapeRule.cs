using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>RandomNormal and RandomUniform (shape attribute), Multinomial ([batch, sample_size]).</summary>
internal sealed class RandomShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RandomNormal", "RandomUniform", "Multinomial" };

    public void Infer(ShapeContext context)
    {
        if (context.Node.OpType == "Multinomial")
        {
            var input = context.RequireShape(0);
            var dtype = context.DataType("dtype", ElementType.Int32);
            var samples = Dim.Of(context.Attributes.GetInt("sample_size", 1));
            context.SetOutput(0, dtype, new TensorShape(new[] { input.Rank > 0 ? input[0] : Dim.Of(1), samples }));
            return;
        }

        var shape = context.Attributes.GetInts("shape") ?? throw context.Invalid("shape is required");
        var elementType = context.DataType("dtype", ElementType.Float);
        context.SetOutput(0, elementType, ShapeMath.Known(context, shape));
    }
}
