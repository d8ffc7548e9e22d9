using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Tensors;
namespace EfficiencyMisnomer.Shapes.Rules;

/// <summary>
/// RNN, GRU and LSTM. X is [seq, batch, input] (or [batch, seq, input] with <c>layout=1</c>); Y is
/// [seq, num_directions, batch, hidden] ([batch, seq, num_directions, hidden]), Y_h and LSTM's Y_c are
/// [num_directions, batch, hidden] ([batch, num_directions, hidden]). The hidden size is the attribute,
/// or read from R's last dim when the exporter left it out.
/// </summary>
internal sealed class RecurrentShapeRule : IShapeRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RNN", "GRU", "LSTM" };

    public void Infer(ShapeContext context)
    {
        var x = context.RequireShape(0);
        if (x.Rank != 3)
        {
            throw context.Invalid($"X must be 3-D, not {x}");
        }

        var elementType = context.RequireType(0).ElementType;
        var directions = Dim.Of(Directions(context));
        var hidden = Hidden(context);
        bool batchFirst = context.Attributes.GetInt("layout", 0) == 1;
        var (seq, batch) = batchFirst ? (x[1], x[0]) : (x[0], x[1]);

        SetOutputs(context, elementType, (seq, batch, directions, hidden), batchFirst);
    }

    /// <summary>Y, Y_h and Y_c (where the operator has them) for the given sizes.</summary>
    public static void SetOutputs(ShapeContext context, ElementType elementType, (Dim Seq, Dim Batch, Dim Directions, Dim Hidden) sizes, bool batchFirst)
    {
        var (seq, batch, directions, hidden) = sizes;
        var y = batchFirst ? new[] { batch, seq, directions, hidden } : new[] { seq, directions, batch, hidden };
        var state = batchFirst ? new[] { batch, directions, hidden } : new[] { directions, batch, hidden };
        context.SetOutput(0, elementType, new TensorShape(y));
        context.SetOutput(1, elementType, new TensorShape(state));
        context.SetOutput(2, elementType, new TensorShape(state));
    }

    /// <summary>1 for forward and reverse, 2 for bidirectional; W's first dim must agree.</summary>
    public static long Directions(ShapeContext context)
    {
        var direction = context.Attributes.GetString("direction", "forward");
        long directions = direction switch
        {
            "forward" or "reverse" => 1,
            "bidirectional" => 2,
            _ => throw context.Invalid($"direction '{UserText.Quote(direction)}' is not one of forward, reverse, bidirectional"),
        };
        if (context.InputType(1)?.Shape is { Rank: 3 } w && w[0].IsKnown && w[0].Value != directions)
        {
            throw context.Invalid($"W {w} has {w[0].Value} direction(s) but direction is '{UserText.Quote(direction)}'");
        }

        return directions;
    }

    private static Dim Hidden(ShapeContext context)
    {
        if (context.Attributes.GetIntOrNull("hidden_size") is { } size)
        {
            return size > 0 ? Dim.Of(size) : throw context.Invalid($"hidden_size {size} must be positive");
        }

        var r = context.RequireShape(2);
        return r.Rank == 3 ? r[2] : throw context.Invalid($"R must be 3-D, not {r}");
    }
}
