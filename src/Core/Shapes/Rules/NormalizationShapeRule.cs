using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// BatchNormalization, LayerNormalization, InstanceNormalization, GroupNormalization, and ONNX Runtime's
/// SimplifiedLayerNormalization (RMS norm, registered in the default domain): Y is X's type and shape.
/// </summary>
internal sealed class NormalizationShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } =
        new[] { "BatchNormalization", "LayerNormalization", "InstanceNormalization", "GroupNormalization", "SimplifiedLayerNormalization" };

    public void Infer(ShapeContext context)
    {
        var type = context.RequireType(0);
        context.SetOutput(0, type);
        if (context.OutputCount < 2)
        {
            return;
        }

        var shape = context.RequireShape(0);
        if (context.Node.OpType == "BatchNormalization")
        {
            // Running (and, before opset 14, saved) statistics: one per channel.
            var statistics = context.InputType(3)?.ElementType ?? type.ElementType;
            var channels = new TensorShape(new[] { shape.Rank > 1 ? shape[1] : Dim.Of(1) });
            for (int i = 1; i < context.OutputCount; i++)
            {
                context.SetOutput(i, statistics, channels);
            }
        }
        else if (context.Node.OpType is "LayerNormalization" or "SimplifiedLayerNormalization")
        {
            int axis = ShapeMath.Axis(context, context.Attributes.GetInt("axis", -1), shape.Rank);
            var reduced = new TensorShape(shape.Select((d, i) => i < axis ? d : Dim.Of(1)));
            var stash = context.DataType("stash_type", ElementType.Float);
            // LayerNormalization: mean and inverse deviation; SimplifiedLayerNormalization: inverse deviation only.
            context.SetOutput(1, stash, reduced);
            context.SetOutput(2, stash, reduced);
        }
    }
}
