using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// Where a Scan node's state variables and scan inputs sit, and along which axes it iterates. From opset 9
/// the node's inputs are the N states then the M scan inputs, each scan input iterated along its
/// <c>scan_input_axes</c> entry (default 0, negative from the end). Opset 8 has a leading optional
/// <c>sequence_lens</c> input and a batch dimension on every input and output: the body runs once per
/// batch element and step, along axis 1.
/// </summary>
internal sealed class ScanLayout
{
    private readonly long[]? inputAxes;
    private readonly long[]? outputAxes;

    private ScanLayout(bool batched, int states, int scanInputs, long[]? inputAxes, long[]? outputAxes)
    {
        Batched = batched;
        States = states;
        ScanInputs = scanInputs;
        this.inputAxes = inputAxes;
        this.outputAxes = outputAxes;
    }

    /// <summary>The opset 8 form, with a batch dimension and a leading <c>sequence_lens</c> input.</summary>
    public bool Batched { get; }

    public int States { get; }

    public int ScanInputs { get; }

    /// <summary>Node input index of the first state variable.</summary>
    public int FirstState => Batched ? 1 : 0;

    /// <summary>Node input index of the first scan input.</summary>
    public int FirstScanInput => FirstState + States;

    /// <summary>Reads the layout; null when <c>num_scan_inputs</c> is missing or exceeds the inputs.</summary>
    public static ScanLayout? Of(Node node, long opset)
    {
        var batched = opset < 9;
        var scanInputs = node.Attributes.GetIntOrNull("num_scan_inputs");
        var first = batched ? 1 : 0;
        if (scanInputs is not { } m || m < 0 || m > node.Inputs.Count - first)
        {
            return null;
        }

        var states = node.Inputs.Count - first - (int)m;
        return new ScanLayout(batched, states, (int)m, node.Attributes.GetInts("scan_input_axes"), node.Attributes.GetInts("scan_output_axes"));
    }

    /// <summary>The axis scan input <paramref name="index"/> (0-based among scan inputs) is iterated along; null when out of range.</summary>
    public int? InputAxis(int index, int rank) => Batched ? (rank >= 2 ? 1 : null) : Normalize(Entry(inputAxes, index), rank);

    /// <summary>The axis of scan output <paramref name="index"/> along which steps are stacked, in the output's rank (opset 9 and later).</summary>
    public int? OutputAxis(int index, int outputRank) => Normalize(Entry(outputAxes, index), outputRank);

    /// <summary>The number of steps: the first scan input's size along its axis (a symbol when unknown).</summary>
    public Dim? Steps(Func<int, TensorShape?> inputShape)
    {
        if (ScanInputs == 0 || inputShape(FirstScanInput) is not { } shape || InputAxis(0, shape.Rank) is not { } axis)
        {
            return null;
        }

        return shape[axis];
    }

    /// <summary>The batch size of the opset 8 form (1 otherwise): the body runs once per element and step; null when no input has a rank.</summary>
    public Dim? Batch(Func<int, TensorShape?> inputShape)
    {
        if (!Batched)
        {
            return Dim.Of(1);
        }

        var shape = Enumerable.Range(FirstState, States + ScanInputs).Select(inputShape).FirstOrDefault(s => s is { Rank: > 0 });
        return shape?[0];
    }

    private static long Entry(long[]? axes, int index) => axes is not null && index < axes.Length ? axes[index] : 0;

    private static int? Normalize(long axis, int rank)
    {
        var normalized = axis < 0 ? axis + rank : axis;
        return normalized >= 0 && normalized < rank ? (int)normalized : null;
    }
}
