namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Recurrent layers as torch exports them: one RNN, GRU or LSTM node per layer, on [seq, batch, features].</summary>
public sealed partial class NetworkBuilder
{
    /// <summary>Gate count of each recurrent operator: RNN 1, GRU 3, LSTM 4.</summary>
    public static long Gates(string op) => op switch
    {
        "RNN" => 1,
        "GRU" => 3,
        "LSTM" => 4,
        _ => throw new ArgumentException($"'{op}' is not a recurrent operator.", nameof(op)),
    };

    /// <summary>Declares the input <c>input</c>: float [seq, batch, features] with a symbolic batch.</summary>
    public string SequenceInput(long steps, long features) => Model.Input("input", Tensors.ElementType.Float, steps, "batch", features);

    /// <summary>
    /// One layer of nn.LSTM / nn.GRU / nn.RNN: W [dirs, gates·H, I], R [dirs, gates·H, H], B [dirs, 2·gates·H];
    /// Y [seq, dirs, batch, H] transposed and reshaped to [seq, batch, dirs·H], the next layer's input.
    /// </summary>
    public string RecurrentLayer(string x, string op, string name, long inputSize, long hidden, bool bidirectional)
    {
        var directions = bidirectional ? 2L : 1L;
        var gates = Gates(op);
        var inputs = new[]
        {
            x,
            Weight($"{name}.W", directions, gates * hidden, inputSize),
            Weight($"{name}.R", directions, gates * hidden, hidden),
            Weight($"{name}.B", directions, 2 * gates * hidden),
        };
        var outputs = op == "LSTM"
            ? new[] { Model.Fresh("y"), Model.Fresh("y_h"), Model.Fresh("y_c") }
            : new[] { Model.Fresh("y"), Model.Fresh("y_h") };
        var y = Model.Node(op, inputs, outputs, ("hidden_size", hidden), ("direction", bidirectional ? "bidirectional" : "forward"));
        return Reshape(Transpose(y, 0, 2, 1, 3), 0, 0, directions * hidden);
    }
}
