using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// BatchNormalization, LayerNormalization, InstanceNormalization, GroupNormalization, and ONNX Runtime's
/// SimplifiedLayerNormalization (RMS norm, registered in the default domain): Y is X's type and shape.
/// RMSNormalization (opset 23) normalizes X's dims from <c>axis</c> on like LayerNormalization, has no statistics
/// outputs, and gives Y in its scale's type; the scale must broadcast unidirectionally to those normalized dims.
/// </summary>
internal sealed class NormalizationShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } =
        new[] { "BatchNormalization", "LayerNormalization", "InstanceNormalization", "GroupNormalization", "SimplifiedLayerNormalization", "RMSNormalization" };

    public void Infer(ShapeContext context)
    {
        if (context.Node.OpType == "RMSNormalization")
        {
            InferRootMeanSquare(context);
            return;
        }

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
            int axis = NormalizedAxis(context, shape);
            var reduced = new TensorShape(shape.Select((d, i) => i < axis ? d : Dim.Of(1)));
            var stash = context.DataType("stash_type", ElementType.Float);
            // LayerNormalization: mean and inverse deviation; SimplifiedLayerNormalization: inverse deviation only.
            context.SetOutput(1, stash, reduced);
            context.SetOutput(2, stash, reduced);
        }
    }

    /// <summary>The first normalized dim of LayerNormalization and its RMS relatives.</summary>
    private static int NormalizedAxis(ShapeContext context, TensorShape shape) =>
        ShapeMath.Axis(context, context.Attributes.GetInt("axis", -1), shape.Rank);

    private static void InferRootMeanSquare(ShapeContext context)
    {
        var shape = context.RequireShape(0);
        int axis = NormalizedAxis(context, shape);
        var scale = context.RequireType(1);
        var normalized = shape.Skip(axis).ToArray();
        if (scale.Shape is { } scaleShape)
        {
            if (scaleShape.Rank > normalized.Length)
            {
                throw context.Invalid($"scale {scaleShape} has more dims than the {normalized.Length} normalized dims of X {shape} from axis {axis}");
            }

            for (int i = 1; i <= scaleShape.Rank; i++)
            {
                var dim = scaleShape[^i];
                if (ShapeMath.Differ(dim, normalized[^i]) && dim.Value != 1)
                {
                    throw context.Invalid($"scale {scaleShape} does not broadcast to the normalized dims of X {shape} from axis {axis}");
                }
            }
        }

        context.SetOutput(0, scale.ElementType, shape);
    }
}
