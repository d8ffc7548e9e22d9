namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// RNN, GRU and LSTM. Every time step of every direction and batch element computes each gate's
/// pre-activation from the input and the previous hidden state, <c>I + H</c> MACs per gate unit, so
/// <c>macs = T · gates · H · (I + H) · directions · batch</c> (gates: RNN 1, GRU 3, LSTM 4), at the
/// full sequence length whatever <c>sequence_lens</c> says. The biases, peepholes, clipping, gate
/// activations and state updates are elementwise FLOPs per step (<see cref="RecurrentStep"/>).
/// </summary>
internal sealed class RecurrentCost : ICostRule
{
    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "RNN", "GRU", "LSTM" };

    public OperatorCost Cost(CostContext context)
    {
        var x = context.InputDims(0);
        var w = context.InputDims(1);
        var r = context.InputDims(2);
        if (x.Length != 3 || w.Length != 3)
        {
            return OperatorCost.Linear(0);
        }

        var step = RecurrentStep.Of(context.Node.OpType);
        var hidden = context.Attributes.GetIntOrNull("hidden_size") ?? (r.Length == 3 ? r[2] : w[1] / step.Gates);
        bool batchFirst = context.Attributes.GetInt("layout", 0) == 1;
        var (steps, batch) = batchFirst ? (x[1], x[0]) : (x[0], x[1]);
        return Of(context, step, new RecurrentSizes(steps, batch, w[0], w[2], hidden));
    }

    /// <summary>
    /// The cost at the given sizes: the gate products as MACs and the cell's elementwise FLOPs; the bias is
    /// input 3 and LSTM's peepholes input 7, as in ONNX Runtime's quantized LSTM.
    /// </summary>
    public static OperatorCost Of(CostContext context, RecurrentStep step, RecurrentSizes sizes)
    {
        var (steps, batch, directions, input, hidden) = sizes;
        var macs = checked(sizes.Cells * step.Gates * hidden * (input + hidden));
        var perDirection = step.Activations;
        var names = context.Attributes.GetStrings("activations");
        bool peepholes = step.Gates == 4 && context.HasInput(7);
        long elementwise = 0;
        for (int d = 0; d < directions; d++)
        {
            var chosen = names is { } given && given.Length >= (d + 1) * perDirection ? given.Skip(d * perDirection).Take(perDirection).ToArray() : null;
            elementwise = checked(elementwise + step.PerUnit(chosen, context.HasInput(3), peepholes, context.Attributes.Has("clip")));
        }

        return OperatorCost.Linear(macs, checked(elementwise * steps * batch * hidden));
    }
}
