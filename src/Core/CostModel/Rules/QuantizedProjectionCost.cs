namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// The parts that ONNX Runtime's fused MatMulNBits operators share: the rows of A (…, K), the FLOPs of
/// the (Skip)SimplifiedLayerNormalization they fold in before the projections (RMS normalization with
/// scale 4 per element of A, the residual sum 1 more with a skip, as <see cref="SkipLayerNormalizationCost"/>),
/// and dequantizing a K×N weight, 2 per weight element as <see cref="MatMulNBitsCost"/>.
/// </summary>
internal static class QuantizedProjectionCost
{
    private const int SkipInput = 1;
    private const int NormScaleInput = 2;
    private const int RootMeanSquare = 3;
    private const int Dequantize = 2;

    /// <summary>Rows of A: the product of its dims but the last.</summary>
    public static long Rows(CostContext context)
    {
        var a = context.InputDims(0);
        return a.Length > 0 ? CostContext.Product(a[..^1]) : 0;
    }

    /// <summary>The normalization of A's <paramref name="rows"/> × K elements (0 without a norm scale).</summary>
    public static long Normalization(CostContext context, long rows, long k)
    {
        var perElement = (context.HasInput(NormScaleInput) ? RootMeanSquare + 1 : 0) + (context.HasInput(SkipInput) ? 1 : 0);
        return checked(perElement * rows * k);
    }

    /// <summary>Dequantizing a weight of <paramref name="k"/> × <paramref name="n"/> elements.</summary>
    public static long Dequantization(long k, long n) => checked(Dequantize * k * n);
}
