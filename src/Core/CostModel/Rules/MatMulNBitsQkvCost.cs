namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft MatMulNBitsQkv: A RMS-normalized (after the residual sum with a skip), then projected by
/// <c>bits</c>-bit K×Nq, K×Nkv and K×Nkv weights. MACs are those of the three float MatMuls,
/// <c>rows · K · (Nq + 2·Nkv)</c>. FLOPs add the normalization and the dequantization of the three weights
/// (<see cref="QuantizedProjectionCost"/>), and each bias 1 per element of its projection.
/// </summary>
internal sealed class MatMulNBitsQkvCost : ICostRule
{
    private const int QueryBiasInput = 5;
    private const int KeyBiasInput = 8;
    private const int ValueBiasInput = 11;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulNBitsQkv" };

    public OperatorCost Cost(CostContext context)
    {
        var k = context.Attributes.GetInt("K", 0);
        var query = context.Attributes.GetInt("Nq", 0);
        var keyValue = context.Attributes.GetInt("Nkv", 0);
        var rows = QuantizedProjectionCost.Rows(context);
        var width = checked(query + (2 * keyValue));
        var biases = (context.HasInput(QueryBiasInput) ? query : 0) + (context.HasInput(KeyBiasInput) ? keyValue : 0)
            + (context.HasInput(ValueBiasInput) ? keyValue : 0);
        var extra = checked(QuantizedProjectionCost.Normalization(context, rows, k) + QuantizedProjectionCost.Dequantization(k, width)
            + (rows * biases));
        return OperatorCost.Linear(checked(rows * k * width), extra);
    }
}
