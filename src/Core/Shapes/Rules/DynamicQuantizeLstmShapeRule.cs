using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// com.microsoft DynamicQuantizeLSTM, the LSTM of ONNX Runtime's dynamic quantization: ONNX LSTM's outputs
/// (<see cref="RecurrentShapeRule"/>) from X [seq, batch, input] and 8-bit weights stored transposed, W
/// [num_directions, input, 4·hidden] and R [num_directions, hidden, 4·hidden]. The hidden size is the
/// attribute or R's dim 1; W's and R's dims must agree with it and with X.
/// </summary>
internal sealed class DynamicQuantizeLstmShapeRule : IShapeRule
{
    private const int Gates = 4;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "DynamicQuantizeLSTM" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        var w = context.RequireShape(1);
        var r = context.RequireShape(2);
        if (x.Rank != 3 || w.Rank != 3 || r.Rank != 3)
        {
            throw context.Invalid($"X, W and R must be 3-D, not {x}, {w} and {r}");
        }

        var directions = Dim.Of(RecurrentShapeRule.Directions(context));
        var hidden = context.Attributes.GetIntOrNull("hidden_size") is { } size
            ? size > 0 ? Dim.Of(size) : throw context.Invalid($"hidden_size {size} must be positive")
            : r[1];
        Expect(context, w[1], x[2], $"W {w} does not take the input size of X {x}");
        Expect(context, r[1], hidden, $"R {r} does not have hidden size {hidden}");
        if (hidden.IsKnown)
        {
            var gateWidth = Dim.Of(checked(Gates * hidden.Value));
            Expect(context, w[2], gateWidth, $"W {w} does not have 4·{hidden} gate columns");
            Expect(context, r[2], gateWidth, $"R {r} does not have 4·{hidden} gate columns");
        }

        RecurrentShapeRule.SetOutputs(context, context.RequireType(0).ElementType, (x[0], x[1], directions, hidden), batchFirst: false);
    }

    private static void Expect(ShapeContext context, Dim actual, Dim expected, string message)
    {
        if (actual.IsKnown && expected.IsKnown && actual.Value != expected.Value)
        {
            throw context.Invalid(message);
        }
    }
}
