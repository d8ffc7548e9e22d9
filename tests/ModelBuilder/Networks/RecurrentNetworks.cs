namespace EfficiencyMisnomer.ModelBuilder;

/// <summary>Stacked recurrent networks, as torch exports nn.LSTM, nn.GRU and nn.RNN with num_layers > 1.</summary>
public static class RecurrentNetworks
{
    /// <summary>
    /// <paramref name="layers"/> layers of <paramref name="op"/> over [steps, batch, inputSize]; every layer
    /// after the first reads the previous one's [steps, batch, directions·hidden] output.
    /// </summary>
    public static ModelBuilder Stack(string op, int layers, long inputSize, long hidden, bool bidirectional, long steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        var net = new NetworkBuilder($"{op.ToLowerInvariant()}_l{layers}{(bidirectional ? "_bi" : "")}");
        var x = net.SequenceInput(steps, inputSize);
        var features = inputSize;
        for (int i = 0; i < layers; i++)
        {
            x = net.RecurrentLayer(x, op, $"layer{i}", features, hidden, bidirectional);
            features = (bidirectional ? 2 : 1) * hidden;
        }

        net.Model.Output(x, Tensors.ElementType.Float, steps, "batch", features);
        return net.Model;
    }
}
