namespace EfficiencyMisnomer.CostModel.Rules;

/// <summary>
/// com.microsoft Rfft and Irfft by the radix-2 convention: a complex FFT of P points is <c>P/2 · log2 P</c>
/// butterflies of 10 FLOPs (a complex multiply 6, two complex adds 4), <c>5 · P · log2 P</c>, and a transform of
/// real data half of that. P is the product of the last <c>signal_ndim</c> dims of the real side (Rfft's input,
/// Irfft's output), <c>⌈log2 P⌉</c> for other sizes, and every signal of the batch is transformed:
/// <c>5 · real · ⌈log2 P⌉ / 2</c> FLOPs, real being the real side's elements.
/// </summary>
internal sealed class ContribFftCost : ICostRule
{
    public string Domain => "com.microsoft";

    public IReadOnlyCollection<string> OpTypes { get; } = new[] { "Rfft", "Irfft" };

    public OperatorCost Cost(CostContext context)
    {
        bool inverse = context.Node.OpType == "Irfft";
        var real = inverse ? context.OutputDims(0) : context.InputDims(0);
        var signalDims = (int)Math.Clamp(context.Attributes.GetInt("signal_ndim", 1), 0, real.Length);
        var points = DimArithmetic.Product(real, real.Length - signalDims);
        var elements = DimArithmetic.Product(real);
        return OperatorCost.Elementwise(checked(5 * elements * DimArithmetic.Log2Ceiling(points)) / 2);
    }
}
