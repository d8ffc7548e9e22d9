namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft MatMulNBits: A (…, M, K) times a K×N weight stored transposed as blocks of <c>bits</c>-bit
/// integers with a scale (and zero point) per block. MACs are those of the float MatMul it replaces,
/// <c>prod(…) · M · K · N</c>, with K and N from its attributes. Dequantizing the weight is 2 FLOPs per
/// weight element (subtract the zero point, multiply by the scale, as DequantizeLinear); a bias adds 1 per output.
/// </summary>
internal sealed class MatMulNBitsCost : ICostRule
{
    private const int Dequantize = 2;
    private const int BiasInput = 5;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulNBits" };

    public OperatorCost Cost(CostContext context)
    {
        var a = context.InputDims(0);
        var k = context.Attributes.GetInt("K", a.Length > 0 ? a[^1] : 0);
        var n = context.Attributes.GetInt("N", 0);
        var rows = a.Length > 0 ? CostContext.Product(a[..^1]) : 0;
        var bias = context.HasInput(BiasInput) ? checked(rows * n) : 0;
        return OperatorCost.Linear(checked(rows * k * n), checked((Dequantize * k * n) + bias));
    }
}
