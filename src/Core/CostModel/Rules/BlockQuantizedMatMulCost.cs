namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The com.microsoft weight-only quantized MatMuls besides MatMulNBits: <c>MatMulBlockQuantizedFp8Weight</c> (B an FP8
/// E4M3 [N, K], a scale per block), <c>MatMulBlockQuantizedFp4Weight</c> (B packed NVFP4 [N, K/2], two values a byte)
/// and <c>MatMulBnb4</c> (B flattened 4-bit FP4/NF4 of K·N values, <c>K</c> and <c>N</c> attributes). Each costs as
/// MatMulNBits does (<see cref="MatMulNBitsCost"/>): the float MatMul it replaces, <c>rows · K · N</c> MACs with rows
/// the elements of A over its last dim, 2 FLOPs per weight element to dequantize, 1 per output for a bias.
/// </summary>
internal sealed class BlockQuantizedMatMulCost : ICostRule
{
    private const int Dequantize = 2;

    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "MatMulBlockQuantizedFp8Weight", "MatMulBlockQuantizedFp4Weight", "MatMulBnb4" };

    public OperatorCost Cost(CostContext context)
    {
        var a = context.InputDims(0);
        var (k, n) = Sizes(context.Node.OpType, context.InputDims(1), context.Attributes.GetInt("K", 0), context.Attributes.GetInt("N", 0));
        var rows = a.Length > 0 ? CostContext.Product(a[..^1]) : 0;
        var biasInput = context.Node.OpType switch
        {
            "MatMulBlockQuantizedFp8Weight" => 4,
            "MatMulBlockQuantizedFp4Weight" => 5,
            _ => -1,
        };
        var bias = biasInput > 0 && context.HasInput(biasInput) ? checked(rows * n) : 0;
        return OperatorCost.Linear(checked(rows * k * n), checked((Dequantize * k * n) + bias));
    }

    /// <summary>K and N of the weight: from B's shape ([N, K], or [N, K/2] packed), or from the attributes (bnb4).</summary>
    internal static (long K, long N) Sizes(string opType, long[] b, long kAttribute, long nAttribute) => opType switch
    {
        "MatMulBlockQuantizedFp8Weight" when b.Length == 2 => (b[1], b[0]),
        "MatMulBlockQuantizedFp4Weight" when b.Length == 2 => (checked(2 * b[1]), b[0]),
        "MatMulBnb4" => (kAttribute, nAttribute),
        _ => (0, 0),
    };
}
