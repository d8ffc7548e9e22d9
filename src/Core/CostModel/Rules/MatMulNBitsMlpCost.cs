namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft MatMulNBitsMlp: <c>activation(A·gate + gate_bias) ⊙ (A·up + up_bias)</c>, gate and up K×N
/// weights in <c>bits</c>-bit blocks, A optionally RMS-normalized first. MACs are those of the two float
/// MatMuls, <c>rows · K · 2N</c>. FLOPs add the folded normalization and the dequantization of both weights
/// (<see cref="QuantizedProjectionCost"/>), each bias 1 per output, the activation per output (silu and
/// swish 5: sigmoid 4 and a multiply; gelu 5, its erf form; others as the activation of that name) and the
/// gate product 1 per output.
/// </summary>
internal sealed class MatMulNBitsMlpCost : ICostRule
{
    private const int GateBiasInput = 5;
    private const int UpBiasInput = 8;
    private const int SiLU = 5;
    private const int Gelu = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulNBitsMlp" };

    public OperatorCost Cost(CostContext context)
    {
        var k = context.Attributes.GetInt("K", 0);
        var n = context.Attributes.GetInt("N", 0);
        var rows = QuantizedProjectionCost.Rows(context);
        var outputs = checked(rows * n);
        var perOutput = Activation(context.Attributes.GetString("activation", "")) + 1
            + (context.HasInput(GateBiasInput) ? 1 : 0) + (context.HasInput(UpBiasInput) ? 1 : 0);
        var extra = checked(QuantizedProjectionCost.Normalization(context, rows, k) + (2 * QuantizedProjectionCost.Dequantization(k, n))
            + (perOutput * outputs));
        return OperatorCost.Linear(checked(2 * rows * k * n), extra);
    }

    private static long Activation(string name) => name.ToLowerInvariant() switch
    {
        "silu" or "swish" => SiLU,
        "gelu" => Gelu,
        _ => RecurrentStep.Cost(name),
    };
}
