namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The elementwise FLOPs of one recurrent cell per hidden unit and time step, by the ONNX equations.
/// Gate activations cost as the operators of the same name (Sigmoid 4, Tanh 1, Relu 1, ...).
/// RNN: <c>f</c>. GRU: <c>f</c> for z and r, the reset product <c>r ⊙ h</c>, <c>g</c>, and
/// <c>(1 − z) ⊙ h̃ + z ⊙ H</c> (4). LSTM: <c>f</c> for i, f, o, <c>g</c> for the cell candidate,
/// <c>f ⊙ C + i ⊙ c</c> (3), <c>h(C)</c> and <c>o ⊙ h(C)</c> (1). A bias adds 2 per gate (Wb and Rb),
/// LSTM peepholes 6 (three products and adds), <c>clip</c> 2 per gate (min and max).
/// </summary>
internal sealed record RecurrentStep(int Gates, string[] DefaultActivations, int Updates)
{
    private static readonly Dictionary<string, int> ActivationFlops = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sigmoid"] = 4, ["Tanh"] = 1, ["Relu"] = 1, ["HardSigmoid"] = 4, ["LeakyRelu"] = 2, ["ThresholdedRelu"] = 1,
        ["ScaledTanh"] = 3, ["Affine"] = 2, ["Elu"] = 4, ["Softsign"] = 3, ["Softplus"] = 3,
        ["Clip"] = 2,
    };

    private static readonly RecurrentStep Rnn = new(1, new[] { "Tanh" }, 0);
    private static readonly RecurrentStep Gru = new(3, new[] { "Sigmoid", "Tanh" }, 5);
    private static readonly RecurrentStep Lstm = new(4, new[] { "Sigmoid", "Tanh", "Tanh" }, 4);

    /// <summary>Activation functions per direction: RNN f; GRU f, g; LSTM f, g, h.</summary>
    public int Activations => DefaultActivations.Length;

    public static RecurrentStep Of(string opType) => opType switch
    {
        "RNN" => Rnn,
        "GRU" => Gru,
        _ => Lstm,
    };

    /// <summary>FLOPs per hidden unit of one direction at one step.</summary>
    public long PerUnit(string[]? activations, bool bias, bool peepholes, bool clip)
    {
        var names = activations ?? DefaultActivations;
        var f = Cost(names[0]);
        long nonlinear = Gates switch
        {
            1 => f,
            3 => (2 * f) + Cost(names[1]),
            _ => (3 * f) + Cost(names[1]) + Cost(names[2]),
        };
        return nonlinear + Updates + (bias ? 2 * Gates : 0) + (peepholes ? 6 : 0) + (clip ? 2 * Gates : 0);
    }

    /// <summary>An activation outside the table costs one FLOP, like the unary operators.</summary>
    /// <summary>FLOPs per element of an activation named by a string attribute (1 for one not listed).</summary>
    internal static int Cost(string name) => ActivationFlops.TryGetValue(name, out var flops) ? flops : 1;
}
